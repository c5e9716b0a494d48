package kahu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.testing.SharedData;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `kahu attribute` end to end, on the full ATT&CK data imported once. */
class AttributeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static String db;

    @TempDir
    Path home;

    @BeforeAll
    static void importAttack() throws Exception {
        db = TestDatabases.url("h2");
        CliRun r = CliRun.run("--db", db, "kb", "import", SharedData.attack().toString(), SharedData.mispGalaxy().toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @BeforeEach
    void setHome() {
        System.setProperty("kahu.home", home.toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("kahu.home");
    }

    /** The attribution fixtures live with kahu-core's tests; read them from the source tree. */
    static Path fixture(String name) {
        Path root = Path.of(System.getProperty("kahu.repo.root", ".."));
        return root.resolve("kahu-core/src/test/resources/attribution").resolve(name);
    }

    @Test
    void theApt40AdvisoryPointsToLeviathan() throws Exception {
        CliRun r = CliRun.run("--db", db, "attribute", fixture("apt40-advisory-2021.json").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = JSON.readTree(r.out());
        for (String field : List.of("subject", "hypotheses", "unknown_actor_probability", "confidence", "statement", "ach", "sensitivity", "warnings")) {
            assertThat(a.has(field)).as(field).isTrue();
        }
        JsonNode first = a.get("hypotheses").get(0);
        assertThat(first.get("actor").asText()).isEqualTo("Leviathan");
        assertThat(first.get("attack_id").asText()).isEqualTo("G0065");
        assertThat(first.get("sponsor").get("country").asText()).isEqualTo("CN");
        assertThat(first.get("phia").asText()).isNotBlank();
        assertThat(first.get("icd203").asText()).isNotBlank();
        assertThat(first.get("evidence")).allSatisfy(e -> assertThat(e.has("kind") && e.has("value") && e.has("contribution")).isTrue());
        double total = a.get("unknown_actor_probability").asDouble() + a.get("other_actors_probability").asDouble();
        double previous = 1;
        for (JsonNode h : a.get("hypotheses")) {
            total += h.get("probability").asDouble();
            assertThat(h.get("probability").asDouble()).isLessThanOrEqualTo(previous);
            previous = h.get("probability").asDouble();
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(a.get("statement").asText()).contains("Leviathan (APT40)", "Ministry of State Security", "Confidence:");
    }

    @Test
    void severalInputsPrintJsonLinesAndEmptyEvidenceIsAWarningNotAnError() throws Exception {
        CliRun r = CliRun.run("--db", db, "attribute", fixture("apt40-advisory-2021.json").toString(),
                fixture("empty-bundle.json").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(2);
        JsonNode empty = JSON.readTree(lines.get(1));
        assertThat(empty.get("unknown_actor_probability").asDouble()).isGreaterThan(empty.get("hypotheses").get(0).get("probability").asDouble());
        assertThat(empty.get("confidence").get("level").asText()).isEqualTo("low");
        assertThat(empty.get("warnings").toString()).contains("no usable evidence");
    }

    @Test
    void textAndMarkdownShowEverythingAnAnalystNeeds() throws Exception {
        for (String format : List.of("text", "md")) {
            CliRun r = CliRun.run("--db", db, "attribute", fixture("apt40-advisory-2021.json").toString(), "--format", format);
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("We assess that it is", "Confidence", "competing hypotheses", "False-flag check",
                    "T1505.003", "unknown or unlisted actor");
        }
        assertThat(CliRun.run("--db", db, "attribute", fixture("apt40-advisory-2021.json").toString(), "--format", "md").out())
                .contains("| Hypothesis | Probability | PHIA | ICD 203 |");
    }

    @Test
    void badInputIsReportedByName() throws Exception {
        assertThat(CliRun.run("--db", db, "attribute", home.resolve("missing.json").toString()).exit()).isEqualTo(2);
        Path broken = Files.writeString(home.resolve("broken.json"), "{\"type\": \"bundle\", \"objects\": [ {\"type\": \"attack-pattern\", ");
        CliRun r = CliRun.run("--db", db, "attribute", broken.toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(JSON.readTree(r.out()).get("warnings").toString()).contains("broken.json");
        CliRun revoked = CliRun.run("--db", db, "attribute", fixture("revoked-and-unknown-techniques.json").toString(), "--format", "json");
        assertThat(JSON.readTree(revoked.out()).get("warnings").toString()).contains("T1086", "T1059.001", "T9999.999");
    }
}
