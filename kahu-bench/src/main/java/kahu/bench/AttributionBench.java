package kahu.bench;

import kahu.attribution.AttributionModel;
import kahu.attribution.EvidenceSet;
import kahu.attribution.Posterior;
import kahu.attribution.bench.AttributionBenchmark;
import kahu.attribution.bench.SimulatedIncident;
import kahu.knowledge.Actor;
import kahu.knowledge.ImportProgress;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeImport;
import kahu.knowledge.KnowledgeLoader;
import kahu.knowledge.KnowledgeStore;
import kahu.knowledge.Names;
import kahu.knowledge.SoftwareUse;
import kahu.knowledge.TechniqueUse;
import kahu.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Attributing one incident (10 techniques of Leviathan's profile, 2 noise techniques, one of its
 * software) against the full knowledge base (ATT&CK, the MISP galaxy and the curated files), beside
 * a Jaccard nearest-profile ranking of the same incident. Target: at most 10 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AttributionBench {
    private AttributionModel model;
    private EvidenceSet evidence;
    private List<Set<String>> profiles;
    private Set<String> incidentTerms;

    @Setup
    public void load() throws Exception {
        KnowledgeBase kb;
        try (Database db = Database.open(Database.h2Url(Files.createTempDirectory("kahu-bench-").resolve("kahu")))) {
            KnowledgeStore store = new KnowledgeStore(db);
            new KnowledgeImport(store).importPaths(List.of(BenchData.root().resolve("attack"), BenchData.root().resolve("misp-galaxy")),
                    ImportProgress.NONE);
            kb = KnowledgeLoader.load(store);
        }
        model = AttributionModel.build(kb);
        // The benchmark harness's own simulator, so the incident looks like those of `kahu bench attribution`.
        AttributionBenchmark sim = AttributionBenchmark.defaults().withKs(List.of(10)).withSoftwareProbability(1.0);
        String leviathan = kb.lookup("G0065").getFirst().key();
        SimulatedIncident incident = sim.trial(kb, 1).incidents().stream().filter(i -> i.actorKey().equals(leviathan)).findFirst().orElseThrow();
        evidence = incident.toEvidence(kb.attackEntries());
        incidentTerms = new HashSet<>(incident.terms());
        profiles = model.actors().stream().map(AttributionBench::terms).toList();
        if (model.actorKeys().get(model.posterior(evidence).best()).equals(leviathan) == false) {
            throw new IllegalStateException("the model does not rank Leviathan first: the incident is not the intended one");
        }
    }

    @Benchmark
    public Posterior posterior() {
        return model.posterior(evidence);
    }

    /** The whole assessment an analyst reads: contributions, ACH matrix, two false-flag re-runs, confidence, statement. */
    @Benchmark
    public kahu.attribution.Assessment assess() {
        return model.assess(evidence);
    }

    /** Baseline: Jaccard similarity of the incident with every profiled actor, best first. */
    @Benchmark
    public int baselineJaccard() {
        int best = -1;
        double bestScore = -1;
        for (int a = 0; a < profiles.size(); a++) {
            Set<String> p = profiles.get(a);
            int common = 0;
            for (String t : incidentTerms) if (p.contains(t)) common++;
            double score = (double) common / (incidentTerms.size() + p.size() - common);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    private static Set<String> terms(Actor a) {
        Set<String> s = new HashSet<>();
        for (TechniqueUse t : a.techniques()) s.add(t.id());
        for (SoftwareUse u : a.software()) s.add(u.attackId() != null ? u.attackId() : "name:" + Names.key(u.name()));
        return s;
    }
}
