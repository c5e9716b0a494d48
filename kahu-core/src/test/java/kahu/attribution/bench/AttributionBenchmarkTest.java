package kahu.attribution.bench;

import kahu.attribution.EvidenceSet;
import kahu.knowledge.Actor;
import kahu.knowledge.ImportProgress;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeImport;
import kahu.knowledge.KnowledgeLoader;
import kahu.knowledge.KnowledgeStore;
import kahu.knowledge.SoftwareUse;
import kahu.knowledge.TechniqueUse;
import kahu.store.Database;
import kahu.testing.SharedData;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The benchmark harness on the ATT&CK sample bundle (four groups) plus the curated actors. */
class AttributionBenchmarkTest {
    static KnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        try (Database db = TestDatabases.open("h2")) {
            KnowledgeStore store = new KnowledgeStore(db);
            new KnowledgeImport(store).importPaths(List.of(SharedData.attackSample()), ImportProgress.NONE);
            kb = KnowledgeLoader.load(store);
        }
    }

    static AttributionBenchmark small() {
        return AttributionBenchmark.defaults().withKs(List.of(5, 10)).withSeeds(AttributionBenchmark.seedsFrom(1, 3));
    }

    @Test
    void metricsAreInRangeAndTheModelFindsTheSampleGroups() {
        List<Actor> groups = AttributionBenchmark.groups(kb);
        assertThat(groups).extracting(Actor::attackId).contains("G0016", "G0065", "G0125", "G0128");
        BenchmarkResult r = small().run(kb, BenchProgress.NONE);
        assertThat(r.rankers()).extracting(RankerResult::name).containsExactly("kahu", "jaccard", "tfidf");
        for (RankerResult rr : r.rankers()) {
            assertThat(rr.perK()).extracting(Metrics::k).containsExactly(5, 10);
            for (Metrics m : rr.perK()) {
                assertThat(m.cases()).isEqualTo(groups.size() * 3);
                for (double v : new double[] {m.top1(), m.top3(), m.top5(), m.mrr(), m.ece(), m.confidentErrorRate()}) {
                    assertThat(v).isBetween(0.0, 1.0);
                }
                assertThat(m.top1()).isLessThanOrEqualTo(m.top3());
                assertThat(m.top3()).isLessThanOrEqualTo(m.top5());
                assertThat(m.mrr()).isBetween(m.top1(), 1.0);
                assertThat(m.brier()).isBetween(0.0, 2.0);
            }
            assertThat(rr.reliability()).hasSize(10);
            assertThat(rr.reliability().stream().mapToInt(ReliabilityBin::cases).sum()).isEqualTo(groups.size() * 3);
        }
        assertThat(r.model().at(10).top1()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void holdOutHidesTheShareOfEveryActorsLinksAndNothingElse() {
        KnowledgeBase reduced = HoldOut.hide(kb, 0.2, 42);
        KnowledgeBase other = HoldOut.hide(kb, 0.2, 43);
        boolean differs = false;
        for (int i = 0; i < kb.actors().size(); i++) {
            Actor full = kb.actors().get(i), cut = reduced.actors().get(i);
            assertThat(cut.key()).isEqualTo(full.key());
            assertThat(full.techniques()).containsAll(cut.techniques());
            assertThat(full.software()).containsAll(cut.software());
            assertThat(cut.techniques()).hasSize(full.techniques().size() - (int) Math.round(0.2 * full.techniques().size()));
            assertThat(cut.software()).hasSize(full.software().size() - (int) Math.round(0.2 * full.software().size()));
            assertThat(cut.aliases()).isEqualTo(full.aliases());
            assertThat(cut.infrastructure()).isEqualTo(full.infrastructure());
            differs |= !cut.techniques().equals(other.actors().get(i).techniques());
        }
        assertThat(differs).as("another seed hides other links").isTrue();
        Actor leviathan = reduced.lookup("G0065").getFirst();
        assertThat(leviathan.techniques()).hasSize(40); // 50 in the sample, 10 hidden
        // The model built on the reduced knowledge base really lacks them.
        Trial t = small().trial(kb, 7);
        Actor inModel = t.model().actors().get(t.candidateIndex().get(leviathan.key()));
        assertThat(inModel.techniques().size()).isLessThan(kb.lookup("G0065").getFirst().techniques().size());
    }

    @Test
    void incidentsAreDrawnFromTheFullProfilePlusNoiseAndSoftware() {
        Actor leviathan = kb.lookup("G0065").getFirst();
        Set<String> profile = new HashSet<>(leviathan.techniques().stream().map(TechniqueUse::id).toList());
        Set<String> software = new HashSet<>(leviathan.software().stream().map(Profiles::softwareKey).toList());
        IncidentSimulator sim = new IncidentSimulator(kb);
        for (int seed = 0; seed < 50; seed++) {
            SimulatedIncident always = sim.draw(leviathan, 10, 0.2, 1.0, new java.util.SplittableRandom(seed));
            assertThat(always.techniques()).doesNotHaveDuplicates().hasSize(12);
            assertThat(always.techniques().stream().filter(profile::contains).count()).isGreaterThanOrEqualTo(10);
            assertThat(always.software()).hasSize(1);
            assertThat(software).containsAll(always.software());
            assertThat(sim.draw(leviathan, 10, 0.2, 0.0, new java.util.SplittableRandom(seed)).software()).isEmpty();
            assertThat(kb.techniqueUsage().keySet()).containsAll(always.techniques());
        }
        SimulatedIncident all = sim.draw(leviathan, 500, 0, 0, new java.util.SplittableRandom(1));
        assertThat(new HashSet<>(all.techniques())).isEqualTo(profile); // k above the profile size: the whole profile
        SimulatedIncident withSoftware = sim.draw(leviathan, 5, 0, 1, new java.util.SplittableRandom(1));
        EvidenceSet e = withSoftware.toEvidence(kb.attackEntries());
        assertThat(e.items()).hasSize(6);
        assertThat(e.items().getLast().implies()).isEqualTo(kb.attackEntries().get(withSoftware.software().getFirst()).techniques());
    }

    @Test
    void aSeededRunIsReproducible() {
        BenchmarkResult a = small().run(kb, BenchProgress.NONE);
        BenchmarkResult b = small().run(kb, BenchProgress.NONE);
        assertThat(b).isEqualTo(a);
        assertThat(small().trial(kb, 3).incidents()).isEqualTo(small().trial(kb, 3).incidents());
        assertThat(small().trial(kb, 4).incidents()).isNotEqualTo(small().trial(kb, 3).incidents());
    }

    @Test
    void aModelThatIgnoresTheEvidenceScoresNearChance() {
        AttributionBenchmark many = AttributionBenchmark.defaults().withKs(List.of(10)).withSeeds(AttributionBenchmark.seedsFrom(1, 25));
        EvidenceSet nothing = new EvidenceSet("no evidence", List.of(), List.of());
        List<Ranker.Named> blind = List.of(
                new Ranker.Named("prior-only", t -> incident -> t.model().posterior(nothing).probabilities()),
                new Ranker.Named("random", t -> {
                    Random rng = new Random(t.seed());
                    int n = t.model().actorKeys().size();
                    return incident -> {
                        double[] s = new double[n + 1];
                        for (int i = 0; i < n; i++) s[i] = rng.nextDouble();
                        return Normalise.toProbabilities(s);
                    };
                }));
        BenchmarkResult r = many.run(kb, blind, BenchProgress.NONE);
        int candidates = many.trial(kb, 1).model().actorKeys().size();
        double chance = 1.0 / candidates;
        Metrics prior = r.rankers().get(0).at(10), random = r.rankers().get(1).at(10);
        assertThat(prior.top1()).isZero(); // every actor tied: ties count against the ranker
        assertThat(prior.mrr()).isCloseTo(chance, within(1e-9));
        assertThat(random.top1()).isCloseTo(chance, within(0.15));
        assertThat(random.confidentErrorRate()).isZero();
        // And the real model, on the same incidents, is far above chance.
        assertThat(many.run(kb, BenchProgress.NONE).model().at(10).top1()).isGreaterThan(chance + 0.5);
    }

    @Test
    void metricsFollowTheirDefinitions() {
        MetricsAccumulator acc = new MetricsAccumulator(10);
        acc.add(new double[] {0.9, 0.05, 0.05}, 0);  // right, confident
        acc.add(new double[] {0.1, 0.85, 0.05}, 0);  // wrong, confident: a confident error
        Metrics m = acc.metrics();
        assertThat(m.top1()).isEqualTo(0.5);
        assertThat(m.top3()).isEqualTo(1.0);
        assertThat(m.mrr()).isEqualTo(0.75);
        double brier1 = 0.01 + 0.0025 + 0.0025, brier2 = 0.81 + 0.7225 + 0.0025;
        assertThat(m.brier()).isCloseTo((brier1 + brier2) / 2, within(1e-12));
        // bins 0.9–1.0 (p 0.9, right) and 0.8–0.9 (p 0.85, wrong), half the cases each
        assertThat(m.ece()).isCloseTo(0.5 * 0.1 + 0.5 * 0.85, within(1e-12));
        assertThat(m.confidentErrorRate()).isEqualTo(0.5);
        assertThat(m.logLoss()).isCloseTo((-Math.log(0.9) - Math.log(0.1)) / 2, within(1e-12));

        MetricsAccumulator absent = new MetricsAccumulator(3);
        absent.add(new double[] {0.5, 0.5, 0.0}, -1); // the true actor is no candidate
        assertThat(absent.metrics().top5()).isZero();
        assertThat(absent.metrics().brier()).isCloseTo(0.25 + 0.25 + 1, within(1e-12));
    }

    @Test
    void theReliabilityDiagramIsAPng(@TempDir Path dir) throws Exception {
        BenchmarkResult r = small().run(kb, BenchProgress.NONE);
        Path png = dir.resolve("reliability-k10.png");
        ReliabilityDiagram.write(r, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(400);
        assertThat(img.getHeight()).isGreaterThan(400);
    }

    @Test
    void baselinesRankTheirOwnProfileFirst() {
        Trial t = small().trial(kb, 1);
        List<Actor> candidates = t.model().actors();
        int i = t.candidateIndex().get(kb.lookup("G0065").getFirst().key());
        List<String> profile = List.copyOf(Profiles.terms(candidates.get(i)));
        SimulatedIncident exact = new SimulatedIncident(candidates.get(i).key(), profile.size(), profile.stream().filter(x -> x.startsWith("T")).toList(),
                profile.stream().filter(x -> !x.startsWith("T")).toList());
        for (Ranker r : List.of(new JaccardBaseline(candidates), new TfIdfBaseline(candidates))) {
            double[] p = r.probabilities(exact);
            assertThat(MetricsAccumulator.rankOf(p, i)).isEqualTo(1);
            assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(p[p.length - 1]).isZero();
        }
        assertThat(candidates.get(i).software()).extracting(SoftwareUse::attackId).isNotEmpty();
    }
}
