package kahu.simulate;

import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioLoaderTest {
    static final KnowledgeBase KB = KnowledgeLoader.builtIn();

    @Test
    void theBuiltInScenarioLoadsWithItsActorsFromTheKnowledgeBase() throws IOException {
        Scenario s = ScenarioLoader.load("exchange-2021", KB);
        assertThat(s.name()).isEqualTo("exchange-2021");
        assertThat(s.servers()).isEqualTo(100);
        assertThat(s.organisations()).isEqualTo(60);
        assertThat(s.actors()).containsKeys("hafnium", "apt40", "dearcry", "black-kingdom", "lemon-duck", "prometei");
        assertThat(s.campaigns()).extracting(Scenario.Campaign::id).contains("campaign-hafnium-1", "campaign-apt40-1");
        assertThat(s.sectors()).extracting(Scenario.Sector::sector).contains("government", "health", "defence", "ngo");
        assertThat(s.patching().stream().mapToDouble(Scenario.PatchWave::fraction).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aFilePathWorksToo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String text = new String(ScenarioLoader.class.getClassLoader().getResourceAsStream(ScenarioLoader.BUILT_IN + "exchange-2021.yaml").readAllBytes());
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, text.replace("name: exchange-2021", "name: mine"));
        assertThat(ScenarioLoader.load(f.toString(), KB).name()).isEqualTo("mine");
    }

    @Test
    void everyProblemIsReportedWithFileAndLine() {
        String yaml = """
                name: broken
                period: {start: "2021-04-01", end: "2021-01-01"}
                disclosure: {date: "2021-03-0x"}
                servers: 10
                organisations: 4
                sizes:
                  - {size: small, weight: 1, servers: [1, 9], users: [10, 20]}
                sectors:
                  - {sector: health, weight: 1, kb: [healthcare], names: ["Health Board"]}
                places: [A]
                qualifiers: []
                exchange_versions:
                  - {version: X, build: "16.0.1", patched: "15.1.2.3", weight: 1}
                patching:
                  - {fraction: 0.5, days: [1, 2]}
                benign:
                  requests_per_server_per_day: 1
                  admin_commands_per_server_per_week: 1
                  scanner_probes_per_server_per_week: 1
                  routine_per_server_per_day: {oab_generator: 1, application: 1, logon: 1}
                  local_utc_offset: "+13:00"
                  carriers: []
                  scanners: []
                actors:
                  nobody-known: {exploit: {proxylogon-27065: 1}, webshells: [x], webshell_dirs: [aspnet_client], webshell_names: [a.aspx],
                                 user_agents: [a], infrastructure: [{prefixes: ["1.2.3.0/24"]}], post_exploitation: [1, 2]}
                campaigns:
                  - {id: c1, actor: apt99, from: "2021-01-02", to: "2021-01-03", share: 2, sectors: any, hosts: one, refs: [x, y]}
                references:
                  x: {title: t, publisher: p, url: "https://example.org/"}
                """;
        assertThatThrownBy(() -> ScenarioLoader.parse("broken.yaml", yaml, KB))
                .isInstanceOfSatisfying(ScenarioLoader.InvalidScenarioException.class, e -> assertThat(e.problems()).containsExactly(
                        "broken.yaml:2: period start must be before its end",
                        "broken.yaml:3: not a date (YYYY-MM-DD): 2021-03-0x",
                        "broken.yaml:7: an organisation runs 1 to 4 Exchange servers",
                        "broken.yaml:9: name template 'Health Board' has no {place}",
                        "broken.yaml:13: not an Exchange 2013-2019 build number: 16.0.1",
                        "broken.yaml:15: fractions add up to 0.5, not 1",
                        "broken.yaml:25: actor 'nobody-known' is not in the knowledge base (a curated file id)",
                        "broken.yaml:25: unknown web shell kind 'x' (one of " + WebShells.KINDS + ")",
                        "broken.yaml:28: campaign actor 'apt99' has no entry under 'actors'",
                        "broken.yaml:28: campaign starts outside the period",
                        "broken.yaml:28: share must be a number from 0 to 1",
                        "broken.yaml:28: reference 'y' is not under references"));
    }

    @Test
    void yamlThatDoesNotParseIsReportedWithItsLine() {
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", "name: x\nperiod: {start: [\n", KB))
                .isInstanceOfSatisfying(ScenarioLoader.InvalidScenarioException.class,
                        e -> assertThat(e.problems()).singleElement().asString().startsWith("bad.yaml:").contains("not valid YAML"));
    }

    @Test
    void theTradecraftLibraryLoadsAndEveryVariantStartsWithAnAction() {
        Tradecraft t = Tradecraft.builtIn();
        assertThat(t.technique("T1003.001").variantsFor("hafnium")).singleElement()
                .satisfies(v -> assertThat(v.steps().getFirst().text()).contains("procdump64.exe -accepteula -ma lsass.exe"));
        assertThat(t.technique("T1003.001").variantsFor("apt40")).hasSize(2); // the general ones
        assertThat(t.technique("T1486").variantsFor("dearcry")).singleElement();
    }
}
