package kahu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.StixValidator;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `kahu demo`, `kahu investigate`, `kahu stats` and `kahu bench investigate` on simulated telemetry. */
class InvestigateCommandTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty("kahu.home", dir.resolve("home").toString());
        db = TestDatabases.url("h2");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("kahu.home");
    }

    @Test
    void theDemoFindsTheCampaignsAttributesThemAndStatsGiveTheStateSponsoredShare() throws Exception {
        CliRun demo = CliRun.run("--db", db, "demo", "--out", dir.resolve("demo").toString());
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Organisations affected:").contains("Campaigns:")
                .contains("HAFNIUM (G0125): almost certain").contains("can be linked to state-sponsored actors");
        Path report = dir.resolve("demo/report");
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("<svg").contains("HAFNIUM").doesNotContain("<script");
        JsonNode bundle = Json.MAPPER.readTree(report.resolve("findings.stix.json").toFile());
        assertThat(bundle.path("objects")).anySatisfy(o -> assertThat(o.path("relationship_type").asText()).isEqualTo("attributed-to"));
        for (JsonNode o : bundle.path("objects")) assertThat(StixValidator.validate((ObjectNode) o)).isEmpty();
        // Failed exploit attempts fit a dozen actors' profiles alike: the leader stays a hypothesis (10-20 %), named
        // as such, and is neither counted as the actor nor shared as an attribution.
        assertThat(demo.out()).contains("-> not attributed; leading hypothesis ");
        assertThat(Files.readString(report.resolve("report.md"))).contains(" — not attributed (leading hypothesis: ");
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("relationship_type").asText().equals("attributed-to")) assertThat(o.path("confidence").asInt()).isGreaterThanOrEqualTo(38);
        }

        CliRun stats = CliRun.run("--db", db, "stats", "--format", "json");
        assertThat(stats.exit()).isZero();
        JsonNode s = Json.MAPPER.readTree(stats.out());
        assertThat(s.path("serious_incidents").asInt()).isPositive();
        assertThat(s.path("state_sponsored").asInt()).isPositive().isLessThanOrEqualTo(s.path("serious_incidents").asInt());
        assertThat(s.path("state_sponsored_share").asDouble()).isBetween(0.0, 1.0);
        assertThat(s.path("statement").asText()).contains("can be linked to state-sponsored actors");
        assertThat(s.path("method").asText()).contains("likely");
        assertThat(s.path("by_sponsor").has("CN")).isTrue();

        // Investigating the same telemetry again adds nothing.
        CliRun again = CliRun.run("--db", db, "investigate", dir.resolve("demo/telemetry").toString(), "--out", dir.resolve("r2").toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("(0 new)");
        // So does a copy of it read from another folder (a triage package unpacked twice).
        Path copy = dir.resolve("copy/telemetry");
        try (var files = Files.walk(dir.resolve("demo/telemetry"))) {
            for (Path p : files.toList()) {
                Path to = copy.resolve(dir.resolve("demo/telemetry").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        CliRun copied = CliRun.run("--db", db, "investigate", copy.toString(), "--out", dir.resolve("r3").toString());
        assertThat(copied.exit()).isZero();
        assertThat(copied.out()).contains("(0 new)");
        // The reports are streamed into part files moved into place when whole: none is left behind.
        try (var written = Files.list(dir.resolve("r2"))) {
            assertThat(written.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.md", "report.html", "findings.stix.json");
        }
        assertThat(Files.readString(dir.resolve("r2/report.md"))).startsWith("# Kahu investigation report").contains("## Problems");
        assertThat(Files.readString(dir.resolve("r2/report.html"))).endsWith("</body></html>\n");
        CliRun before = CliRun.run("--db", db, "stats", "--from", "2021-01-01", "--to", "2021-01-31", "--format", "json");
        assertThat(Json.MAPPER.readTree(before.out()).path("incidents").asInt()).isLessThan(s.path("incidents").asInt());
    }

    @Test
    void theBenchmarkScoresTheInvestigationAgainstGroundTruth() throws Exception {
        CliRun r = CliRun.run("--db", db, "bench", "investigate", "--servers", "40", "--seed", "2", "--format", "json");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.path("detection").path("recall").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(j.path("detection").path("precision").asDouble()).isGreaterThanOrEqualTo(0.9);
        // Measured 0.762 (21 incidents scored) for this seed and size, 0.524 on each incident's own evidence: the
        // campaign's pooled evidence is what attributes an incident whose own logs show little.
        JsonNode a = j.path("attribution");
        assertThat(a.path("incident_top1").asDouble()).isGreaterThanOrEqualTo(0.7)
                .isGreaterThan(a.path("incident_top1_own_evidence").asDouble());
        assertThat(a.has("campaign_top1")).isTrue();
        assertThat(a.path("incidents_named").asInt()).isBetween(1, a.path("incidents_scored").asInt());
        assertThat(a.path("named_top1").asDouble()).isBetween(0.0, 1.0);
        // Measured 1.000 (16 of 21 named): the incidents missed are the ones reported "not attributed".
        assertThat(a.path("named_top1").asDouble()).isGreaterThanOrEqualTo(0.9).isGreaterThan(a.path("incident_top1").asDouble());
        // Measured 0.988 for this seed and size (31 incidents, 5 campaigns).
        assertThat(j.path("clustering").path("ari").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(j.path("servers").asInt()).isEqualTo(40);
    }

    @Test
    void aKeptSimulationIsScoredAgainWithTheSameResultsAndAMissingOneIsRefused() throws Exception {
        Path kept = dir.resolve("kept");
        CliRun first = CliRun.run("--db", db, "bench", "investigate", "--servers", "20", "--seed", "3", "--layout", "zip",
                "--keep", kept.toString(), "--format", "json");
        assertThat(first.exit()).as(first.err()).isIn(0, 1);
        assertThat(kept.resolve("ground-truth.json")).exists();
        CliRun again = CliRun.run("--db", db, "bench", "investigate", "--telemetry", kept.toString(), "--format", "json");
        assertThat(again.exit()).as(again.err()).isEqualTo(first.exit());
        JsonNode a = Json.MAPPER.readTree(first.out()), b = Json.MAPPER.readTree(again.out());
        for (String part : List.of("detection", "attribution", "clustering")) assertThat(b.path(part)).as(part).isEqualTo(a.path(part));
        assertThat(b.path("servers").asInt()).isEqualTo(20);
        assertThat(b.path("seed").asInt()).isEqualTo(3);

        CliRun missing = CliRun.run("--db", db, "bench", "investigate", "--telemetry", dir.resolve("nothing").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("ground-truth.json");
        assertThat(CliRun.run("--db", db, "bench", "investigate", "--layout", "tarball").exit()).isEqualTo(2);
    }

    @Test
    void unknownInputIsReportedAndTheReportIsStillWritten() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("in"));
        Files.write(logs.resolve("junk.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, 10, 65, 66});
        CliRun r = CliRun.run("--db", db, "investigate", logs.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isZero();
        String md = Files.readString(dir.resolve("out/report.md"));
        assertThat(md).contains("junk.bin").contains("organisations.json");
        assertThat(CliRun.run("--db", db, "investigate", dir.resolve("missing").toString()).exit()).isEqualTo(Main.BAD_INPUT);
    }
}
