package kahu.attribution.bench;

import kahu.attribution.AttributionModel;
import kahu.attribution.ModelParameters;
import kahu.knowledge.Actor;
import kahu.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * The attribution benchmark's configuration, and the run. Per seed: one reduced knowledge base that
 * hides {@code holdout} of every actor's technique and software links, one model built on it, and one
 * simulated incident per k for every ATT&CK group with at least {@value #MIN_TECHNIQUES} techniques
 * in its full profile. Every ranker (the model, then the baselines) sees the same incidents.
 *
 * @param ks                  incident sizes: techniques drawn from the actor's full profile (fewer if it has fewer)
 * @param noise               unrelated techniques added, as a share of k, drawn by how many actors use each
 * @param holdout             share of every actor's technique and software links hidden from the model
 * @param seeds               one trial per seed; metrics are averaged over them
 * @param softwareProbability chance that the incident also shows one of the actor's software items
 * @param parameters          the model's parameters
 * @param diagramK            the k whose calibration the reliability diagram shows
 */
public record AttributionBenchmark(List<Integer> ks, double noise, double holdout, List<Long> seeds,
                                   double softwareProbability, ModelParameters parameters, int diagramK) {
    public static final int MIN_TECHNIQUES = 10;
    /** The seeds the parameters are fitted on; never used for the reported figures. */
    public static final List<Long> CALIBRATION_SEEDS = List.of(1001L, 1002L, 1003L, 1004L, 1005L);

    public AttributionBenchmark {
        ks = List.copyOf(ks);
        seeds = List.copyOf(seeds);
        if (ks.isEmpty() || ks.stream().anyMatch(k -> k < 1)) throw new IllegalArgumentException("k must be at least 1: " + ks);
        if (seeds.isEmpty()) throw new IllegalArgumentException("at least one seed is needed");
        if (!(noise >= 0)) throw new IllegalArgumentException("noise is a share of k, at least 0: " + noise);
        if (!(holdout >= 0 && holdout < 1)) throw new IllegalArgumentException("holdout is in [0, 1): " + holdout);
        if (!(softwareProbability >= 0 && softwareProbability <= 1)) throw new IllegalArgumentException("software probability is in [0, 1]");
    }

    /** k 3, 5, 10, 20; noise 0.2; holdout 0.2; seeds 1–5; software with probability 0.5; the model's defaults. */
    public static AttributionBenchmark defaults() {
        return new AttributionBenchmark(List.of(3, 5, 10, 20), 0.2, 0.2, seedsFrom(1, 5), 0.5, ModelParameters.defaults(), 10);
    }

    public static List<Long> seedsFrom(long first, int count) {
        return LongStream.range(first, first + count).boxed().toList();
    }

    public AttributionBenchmark withKs(List<Integer> v) {
        return new AttributionBenchmark(v, noise, holdout, seeds, softwareProbability, parameters, diagramK);
    }

    public AttributionBenchmark withNoise(double v) {
        return new AttributionBenchmark(ks, v, holdout, seeds, softwareProbability, parameters, diagramK);
    }

    public AttributionBenchmark withHoldout(double v) {
        return new AttributionBenchmark(ks, noise, v, seeds, softwareProbability, parameters, diagramK);
    }

    public AttributionBenchmark withSeeds(List<Long> v) {
        return new AttributionBenchmark(ks, noise, holdout, v, softwareProbability, parameters, diagramK);
    }

    public AttributionBenchmark withSoftwareProbability(double v) {
        return new AttributionBenchmark(ks, noise, holdout, seeds, v, parameters, diagramK);
    }

    public AttributionBenchmark withParameters(ModelParameters v) {
        return new AttributionBenchmark(ks, noise, holdout, seeds, softwareProbability, v, diagramK);
    }

    public AttributionBenchmark withDiagramK(int v) {
        return new AttributionBenchmark(ks, noise, holdout, seeds, softwareProbability, parameters, v);
    }

    /** The model, then the two baselines. */
    public static List<Ranker.Named> defaultRankers() {
        return List.of(
                new Ranker.Named("kahu", t -> new ModelRanker(t.model(), t.reduced().attackEntries())),
                new Ranker.Named("jaccard", t -> new JaccardBaseline(t.model().actors())),
                new Ranker.Named("tfidf", t -> new TfIdfBaseline(t.model().actors())));
    }

    /** The ATT&CK groups that become cases: at least {@value #MIN_TECHNIQUES} distinct techniques in the full profile. */
    public static List<Actor> groups(KnowledgeBase full) {
        return full.actors().stream().filter(a -> a.attackId() != null && Profiles.distinctTechniques(a) >= MIN_TECHNIQUES).toList();
    }

    /** One seed's reduced knowledge base, model and incidents. */
    public Trial trial(KnowledgeBase full, long seed) {
        KnowledgeBase reduced = HoldOut.hide(full, holdout, mix(seed, 0, 0));
        IncidentSimulator simulator = new IncidentSimulator(full);
        List<Actor> groups = groups(full);
        List<SimulatedIncident> incidents = new ArrayList<>(ks.size() * groups.size());
        for (int k : ks) {
            for (int i = 0; i < groups.size(); i++) {
                // Each case has its own random stream: adding a k or a group leaves the other cases as they were.
                incidents.add(simulator.draw(groups.get(i), k, noise, softwareProbability, new SplittableRandom(mix(seed, k, i + 1))));
            }
        }
        return new Trial(seed, reduced, AttributionModel.build(reduced, parameters), incidents);
    }

    public BenchmarkResult run(KnowledgeBase full, BenchProgress progress) {
        return run(full, defaultRankers(), progress);
    }

    public BenchmarkResult run(KnowledgeBase full, List<Ranker.Named> rankers, BenchProgress progress) {
        // perRanker.get(name).get(k) = one accumulator per seed
        Map<String, Map<Integer, List<MetricsAccumulator>>> perRanker = new LinkedHashMap<>();
        for (Ranker.Named r : rankers) perRanker.put(r.name(), new LinkedHashMap<>());
        for (long seed : seeds) {
            long start = System.nanoTime();
            Trial trial = trial(full, seed);
            for (Ranker.Named r : rankers) {
                Map<Integer, MetricsAccumulator> bySize = evaluate(trial, r.factory().create(trial));
                bySize.forEach((k, acc) -> perRanker.get(r.name()).computeIfAbsent(k, x -> new ArrayList<>()).add(acc));
            }
            progress.step(String.format("seed %d: %d incidents, %d candidate actors, %d ms", seed, trial.incidents().size(),
                    trial.model().actorKeys().size(), (System.nanoTime() - start) / 1_000_000));
        }
        List<RankerResult> results = new ArrayList<>();
        perRanker.forEach((name, bySize) -> {
            List<Metrics> perK = new ArrayList<>();
            for (int k : ks) perK.add(Metrics.mean(bySize.get(k).stream().map(MetricsAccumulator::metrics).toList()));
            int[] cases = new int[MetricsAccumulator.BINS], correct = new int[MetricsAccumulator.BINS];
            double[] confidence = new double[MetricsAccumulator.BINS];
            for (MetricsAccumulator acc : bySize.getOrDefault(diagramK, List.of())) acc.poolInto(cases, confidence, correct);
            results.add(new RankerResult(name, perK, MetricsAccumulator.bins(cases, confidence, correct)));
        });
        return new BenchmarkResult(this, results);
    }

    /** Every incident of the trial through one ranker, by k. */
    static Map<Integer, MetricsAccumulator> evaluate(Trial trial, Ranker ranker) {
        Map<String, Integer> index = trial.candidateIndex();
        Map<Integer, MetricsAccumulator> bySize = new LinkedHashMap<>();
        for (SimulatedIncident incident : trial.incidents()) {
            double[] p = ranker.probabilities(incident);
            bySize.computeIfAbsent(incident.k(), MetricsAccumulator::new).add(p, index.getOrDefault(incident.actorKey(), -1));
        }
        return bySize;
    }

    /** A well-mixed seed for one (trial seed, k, case) triple (SplitMix64's finaliser). */
    static long mix(long seed, long k, long item) {
        long z = seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + item * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
