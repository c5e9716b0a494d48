package kahu.investigate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.correlate.Incident;
import kahu.detect.BuiltInRules;
import kahu.detect.ioc.IndicatorFeeds;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import kahu.report.FindingsStix;
import kahu.report.HtmlReport;
import kahu.report.MarkdownReport;
import kahu.stix.StixValidator;
import kahu.store.Database;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline over real Exchange log fixtures, stored in H2 and (when configured) PostgreSQL. */
class InvestigationTest {
    private static final KnowledgeBase KB = KnowledgeLoader.builtIn();

    @TempDir
    Path tmp;

    private Path telemetry() throws Exception {
        Path host = Files.createDirectories(tmp.resolve("in/logs/org-001/EXCH01.example.nz"));
        for (String f : List.of("HttpProxy_2021030302-1.LOG", "u_ex210303.log")) {
            try (var in = getClass().getResourceAsStream("/kahu/ingest/" + f)) {
                Files.copy(in, host.resolve(f));
            }
        }
        Files.writeString(host.resolve("notes.bin"), "\u0000\u0001garbage that is no log\u0002");
        Files.writeString(tmp.resolve("in/organisations.json"), """
                {"organisations":[{"id":"org-001","name":"Real Hospital Ltd","pseudonym":"Organisation A01","sector":"health",
                  "size":"large","country":"NZ","hosts":[{"name":"EXCH01.example.nz","ip":"10.0.0.5"}]}]}""");
        return tmp.resolve("in");
    }

    private static Investigation investigation() {
        var rules = SigmaRuleLoader.load(BuiltInRules.folder());
        return new Investigation(KB, rules, IndicatorSet.of(IndicatorFeeds.fromKnowledgeBase(KB).indicators()), Duration.ofHours(24));
    }

    @ParameterizedTest
    @MethodSource("kahu.testing.TestDatabases#kinds")
    void findsStoresAttributesAndReadingTheSameLogsAgainAddsNothing(String kind) throws Exception {
        Path in = telemetry();
        try (Database db = TestDatabases.open(kind)) {
            InvestigationStore store = new InvestigationStore(db);
            InvestigationResult first = investigation().run(List.of(in), store, Investigation.Progress.NONE);
            assertThat(first.newDetections()).isPositive();
            assertThat(first.affected()).extracting(o -> o.id()).containsExactly("org-001");
            assertThat(first.incidents()).allSatisfy(i -> assertThat(i.organisation().sector()).isEqualTo("healthcare"));
            assertThat(first.incidents()).anySatisfy(i -> assertThat(i.techniques()).contains("T1190"));
            assertThat(first.assessments()).containsKeys(first.incidents().stream().map(Incident::id).toArray(String[]::new));
            assertThat(first.problems()).anySatisfy(p -> assertThat(p).contains("notes.bin"));
            Map<String, Long> counts = store.counts();
            // Stored assessments hold the leading hypotheses with their strongest weights, and the leader the row names.
            List<String[]> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT leader_name, body FROM assessment")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
            assertThat(stored).isNotEmpty().allSatisfy(row -> {
                var body = InvestigationStore.JSON.readTree(row[1]);
                assertThat(body.get("hypotheses").size()).isBetween(1, InvestigationStore.STORED_HYPOTHESES);
                body.get("hypotheses").forEach(h -> assertThat(h.get("evidence").size()).isLessThanOrEqualTo(InvestigationStore.STORED_WEIGHTS));
                if (!row[0].equals(kahu.attribution.Assessment.UNKNOWN_ACTOR)) {
                    assertThat(row[0]).startsWith(body.get("hypotheses").get(0).get("actor").asText());
                }
                assertThat(body.get("ach").get("rows").size()).isEqualTo(body.get("evidence").size());
            });

            InvestigationResult again = investigation().run(List.of(in), store, Investigation.Progress.NONE);
            assertThat(again.newDetections()).isZero();
            assertThat(again.incidents()).extracting(Incident::id).isEqualTo(first.incidents().stream().map(Incident::id).toList());
            Map<String, Long> after = store.counts();
            after.remove("investigation_run");
            counts.remove("investigation_run");
            assertThat(after).isEqualTo(counts);

            // Reports name the victim by pseudonym only; the real name comes through the gate.
            String md = MarkdownReport.of(again), html = HtmlReport.of(again);
            assertThat(md).contains("Organisation A01").doesNotContain("Real Hospital");
            assertThat(html).contains("Organisation A01").doesNotContain("Real Hospital").doesNotContain("<script");
            assertThat(VictimIdentityGate.realName(db, "org-001", "test", "contacting the victim")).isEqualTo("Real Hospital Ltd");
            ObjectNode bundle = FindingsStix.bundle(again);
            assertThat(bundle.toString()).doesNotContain("Real Hospital");
            for (var o : bundle.path("objects")) {
                assertThat(StixValidator.validate((ObjectNode) o)).as(o.path("id").asText()).isEmpty();
            }
            assertThat(store.statsRows()).hasSize(again.incidents().size());
        }
    }
}
