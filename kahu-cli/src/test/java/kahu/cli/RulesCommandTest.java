package kahu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kahu rules check} and {@code kahu rules test}, through their JSON output. */
class RulesCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checkCountsLoadedAndRejectedRules(@TempDir Path dir) throws Exception {
        Path sigma = SharedData.root().resolve("sigma");
        Files.copy(sigma.resolve("rules/windows/process_creation/proc_creation_win_dtrace_kernel_dump.yml"), dir.resolve("good.yml"));
        Files.writeString(dir.resolve("bad.yml"), """
                title: Broken
                logsource: {product: windows, category: process_creation}
                detection:
                    sel:
                        Image|sortof: x
                    condition: sel | count() > 3
                """);
        CliRun r = CliRun.run("rules", "check", dir.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.NOT_FOUND);
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.path("rules").asInt()).isEqualTo(2);
        assertThat(out.path("loaded").asInt()).isEqualTo(1);
        assertThat(out.path("rejected")).hasSize(1);
        assertThat(out.path("rejected").get(0).path("file").asText()).endsWith("bad.yml");
        assertThat(out.path("rejected").get(0).path("reason").asText()).contains("unknown modifier 'sortof'").contains("aggregation");
    }

    @Test
    void checkOfTheWholeRuleSetLoadsEverything() throws Exception {
        Path sigma = SharedData.root().resolve("sigma");
        CliRun r = CliRun.run("rules", "check", sigma.resolve("rules").toString(), sigma.resolve("rules-placeholder").toString(), "--format", "json");
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.path("rules").asInt()).isEqualTo(3141 + 23);
        assertThat(out.path("loaded").asInt()).isGreaterThanOrEqualTo((int) (0.99 * (3141 + 23)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--events {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"evtx", "json"})
    void testRunsTheRegressionCasesOnTheEvtxFilesAndTheirJsonRenderings(String events) throws Exception {
        Path regression = SharedData.root().resolve("sigma/regression_data/rules/windows/process_creation");
        CliRun raw = CliRun.run("rules", "test", regression.toString(), "--events", events, "--no-errata", "--format", "json");
        JsonNode out = JSON.readTree(raw.out());
        assertThat(out.path("cases").asInt()).isGreaterThan(100);
        // Two cases in this folder declare a count of 1 for logs with two matching events (regression-errata.yaml).
        assertThat(out.path("passed").asInt()).isEqualTo(out.path("cases").asInt() - 2);
        assertThat(out.path("failed")).allSatisfy(f -> {
            assertThat(f.path("expected").asLong()).isEqualTo(1);
            assertThat(f.path("actual").asLong()).isEqualTo(2);
            assertThat(f.fieldNames()).toIterable().containsExactly("rule", "file", "expected", "actual");
        });
        assertThat(out.path("events").asText()).contains(events.equals("evtx") ? "EVTX files parsed by Kahu" : "JSON rendering");
        assertThat(raw.exit()).isEqualTo(Main.NOT_FOUND);

        // With Kahu's documented corrections every case passes, and the two are listed with their reasons.
        CliRun r = CliRun.run("rules", "test", regression.toString(), "--events", events, "--format", "json");
        JsonNode fixed = JSON.readTree(r.out());
        assertThat(fixed.path("failed")).isEmpty();
        assertThat(fixed.path("passed").asInt()).isEqualTo(fixed.path("cases").asInt());
        assertThat(fixed.path("passed_by_erratum")).hasSize(2).allSatisfy(e -> assertThat(e.path("reason").asText()).isNotBlank());
        assertThat(r.exit()).isEqualTo(Main.OK);
    }

    @Test
    void placeholdersFeedExpand(@TempDir Path dir) throws Exception {
        Path rule = SharedData.root().resolve("sigma/rules-placeholder/windows/builtin/security/win_security_admin_logon.yml");
        Files.writeString(dir.resolve("values.yml"), "Admins_Workstations: [ws1, ws2]\nAdministrators: adm\n");
        CliRun with = CliRun.run("rules", "check", rule.toString(), "--placeholders", dir.resolve("values.yml").toString(), "--format", "json");
        assertThat(with.exit()).as(with.err()).isEqualTo(Main.OK);
        Files.writeString(dir.resolve("bad.yml"), "Admins_Workstations: {nested: map}\n");
        CliRun bad = CliRun.run("rules", "check", rule.toString(), "--placeholders", dir.resolve("bad.yml").toString());
        assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.err()).contains("bad.yml").contains("'Admins_Workstations' is not a value or a list of values");
    }

    @Test
    void badInputExitsWithTwo() {
        assertThat(CliRun.run("rules", "check", "/no/such/dir").exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(CliRun.run("rules", "test", "/no/such/dir").exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(CliRun.run("rules", "check", ".", "--format", "xml").exit()).isEqualTo(Main.BAD_INPUT);
    }
}
