package kahu.evaluate;

import kahu.correlate.Finding;
import kahu.correlate.Incident;
import kahu.detect.BuiltInRules;
import kahu.detect.ioc.IndicatorFeeds;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.investigate.Investigation;
import kahu.investigate.InvestigationResult;
import kahu.investigate.InvestigationStore;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import kahu.simulate.Layout;
import kahu.simulate.ScenarioLoader;
import kahu.simulate.SimulationSummary;
import kahu.simulate.Simulator;
import kahu.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same simulation written as folders and as one triage zip per server, each investigated into its
 * own real H2 database: the same detections (by rule and location, the zip's entries named
 * {@code host.zip!/path}), the same incidents and the same scores against each run's ground truth.
 */
class ZipLayoutInvestigationTest {
    private static final KnowledgeBase KB = KnowledgeLoader.builtIn();
    private static final int SERVERS = 30;

    @TempDir
    Path tmp;

    @Test
    void zipCollectionsGiveWhatFoldersGive() throws Exception {
        Path folders = tmp.resolve("folders"), zips = tmp.resolve("zips");
        var scenario = ScenarioLoader.load("exchange-2021", KB);
        SimulationSummary a = new Simulator(scenario, KB, Layout.FOLDERS).run(folders, SERVERS, 3, null);
        SimulationSummary b = new Simulator(scenario, KB, Layout.ZIP).run(zips, SERVERS, 3, null);
        assertThat(b.events()).isEqualTo(a.events());
        try (var files = Files.walk(zips.resolve("logs"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(SERVERS)
                    .allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".zip"));
        }

        InvestigationResult rf, rz;
        try (Database df = Database.open(Database.h2Url(tmp.resolve("h2f/kahu")));
             Database dz = Database.open(Database.h2Url(tmp.resolve("h2z/kahu")))) {
            rf = investigation().run(List.of(folders), new InvestigationStore(df), Investigation.Progress.NONE);
            rz = investigation().run(List.of(zips), new InvestigationStore(dz), Investigation.Progress.NONE);
            assertThat(rz.scan().events()).isEqualTo(rf.scan().events());
            assertThat(rz.problems()).isEmpty();
            assertThat(detections(rz, zips)).isEqualTo(detections(rf, folders)).isNotEmpty();
            assertThat(incidents(rz, zips)).isEqualTo(incidents(rf, folders));
            assertThat(rz.campaigns()).hasSameSizeAs(rf.campaigns());
            // Organisation and host come from the zip's name inside the organisation's folder.
            assertThat(rz.incidents()).noneSatisfy(i -> assertThat(i.organisation().isUnknown()).isTrue());

            InvestigationScore sf = InvestigationScore.of(rf, GroundTruth.read(folders.resolve("ground-truth.json")), folders, KB, 3);
            InvestigationScore sz = InvestigationScore.of(rz, GroundTruth.read(zips.resolve("ground-truth.json")), zips, KB, 3);
            assertThat(sz.truePositives()).isPositive();
            assertThat(sz.recall()).isEqualTo(sf.recall());
            assertThat(sz.precision()).isEqualTo(sf.precision());
            assertThat(sz.ari()).isEqualTo(sf.ari());
            assertThat(sz.incidentsClustered()).isEqualTo(sf.incidentsClustered());

            // Reading the same archives again adds nothing.
            InvestigationResult again = investigation().run(List.of(zips), new InvestigationStore(dz), Investigation.Progress.NONE);
            assertThat(again.newDetections()).isZero();
            assertThat(again.incidents()).extracting(Incident::id).isEqualTo(rz.incidents().stream().map(Incident::id).toList());
        }
    }

    private static Investigation investigation() {
        var rules = SigmaRuleLoader.load(BuiltInRules.folder());
        return new Investigation(KB, rules, IndicatorSet.of(IndicatorFeeds.fromKnowledgeBase(KB).indicators()), Duration.ofHours(24));
    }

    /** Rule and location relative to the run's folder, with the zip layout's "host.zip!/" read as "host/". */
    private static String where(Finding f, Path root) {
        String l = f.detection().location().replace(root.toString() + "/", "").replace(".zip!/", "/");
        return f.detection().engine() + " " + f.detection().ruleId() + " " + l;
    }

    private static Set<String> detections(InvestigationResult r, Path root) {
        return r.incidents().stream().flatMap(i -> i.findings().stream()).map(f -> where(f, root)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> incidents(InvestigationResult r, Path root) {
        return r.incidents().stream().map(i -> i.organisation().id() + " " + i.host() + " " + i.stage() + " "
                + i.findings().stream().map(f -> where(f, root)).sorted().toList()).sorted().toList();
    }
}
