package kahu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.testing.SharedData;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The `kahu kb` commands end to end: JSON contracts, exit codes, error messages. */
class KbCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    String db;

    @BeforeEach
    void freshHome() throws Exception {
        System.setProperty("kahu.home", home.toString());
        db = TestDatabases.url("h2");
    }

    @AfterEach
    void clear() {
        System.clearProperty("kahu.home");
    }

    @Test
    void builtInKnowledgeAnswersWithoutAnyImport() throws Exception {
        CliRun r = CliRun.run("--db", db, "kb", "actor", "HAFNIUM", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = JSON.readTree(r.out()).get(0);
        assertThat(a.get("name").asText()).isEqualTo("HAFNIUM");
        assertThat(a.get("attack_id").asText()).isEqualTo("G0125");
        assertThat(a.get("sponsor").get("country").asText()).isEqualTo("CN");
        assertThat(a.get("techniques")).isNotEmpty();
        for (JsonNode t : a.get("techniques")) assertThat(t.get("sources")).isNotEmpty();

        CliRun text = CliRun.run("--db", db, "kb", "actor", "Silk", "Typhoon");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("HAFNIUM (G0125)", "CVE-2021-26855");
    }

    @Test
    void importThenLookupFollowsTheContract() throws Exception {
        CliRun imp = CliRun.run("--db", db, "kb", "import", SharedData.attackSample().toString(), SharedData.mispGalaxy().toString(),
                "--format", "json");
        assertThat(imp.exit()).as(imp.err()).isZero();
        JsonNode summary = JSON.readTree(imp.out());
        assertThat(summary.get("rejected_count").asInt()).isZero();
        assertThat(summary.get("imported").asInt()).isGreaterThan(1000);

        CliRun r = CliRun.run("--db", db, "kb", "actor", "APT40", "--format", "json");
        JsonNode arr = JSON.readTree(r.out());
        assertThat(arr).hasSize(1);
        JsonNode a = arr.get(0);
        assertThat(a.get("name").asText()).isEqualTo("Leviathan");
        assertThat(a.get("attack_id").asText()).isEqualTo("G0065");
        assertThat(a.get("aliases").toString()).contains("\"APT40\"", "\"TEMP.Periscope\"", "\"BRONZE MOHAWK\"");
        assertThat(a.get("sponsor").get("agency").asText()).contains("Ministry of State Security");
        assertThat(a.get("techniques")).hasSize(50);
        assertThat(a.get("software")).allSatisfy(s -> assertThat(s.has("attack_id")).isTrue());
        assertThat(a.get("sources")).isNotEmpty();

        CliRun nob = CliRun.run("--db", db, "kb", "actor", "NOBELIUM", "--format", "json");
        assertThat(JSON.readTree(nob.out())).hasSize(2);

        CliRun china = CliRun.run("--db", db, "kb", "actors", "--sponsor", "China", "--format", "json");
        assertThat(china.exit()).isZero();
        assertThat(JSON.readTree(china.out())).allSatisfy(x -> assertThat(x.get("sponsor").get("country").asText()).isEqualTo("CN"));

        CliRun stats = CliRun.run("--db", db, "kb", "stats", "--format", "json");
        assertThat(JSON.readTree(stats.out()).get("stored").get("actor_records").asInt()).isEqualTo(5 + 1041);
    }

    @Test
    void exitCodesSayWhatHappened() throws Exception {
        assertThat(CliRun.run("--db", db, "kb", "actor", "No Such Group Anywhere").exit()).isEqualTo(1);
        assertThat(CliRun.run("--db", db, "kb", "actor").exit()).isEqualTo(2);
        assertThat(CliRun.run("--db", db, "kb", "frobnicate").exit()).isEqualTo(2);
        Path junk = Files.writeString(home.resolve("junk.json"), "{ this is not json");
        CliRun bad = CliRun.run("--db", db, "kb", "import", junk.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains("junk.json");
    }

    @Test
    void stixExportOfAnActorIsABundle() throws Exception {
        CliRun r = CliRun.run("--db", db, "kb", "actor", "APT40", "--format", "stix");
        assertThat(r.exit()).isZero();
        JsonNode bundle = JSON.readTree(r.out());
        assertThat(bundle.get("type").asText()).isEqualTo("bundle");
        assertThat(bundle.get("objects").toString()).contains("intrusion-set", "attack-pattern", "\"uses\"");
    }
}
