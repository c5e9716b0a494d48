package kahu.attribution.bench;

import java.util.List;

/** The benchmark's outcome: the model first, then the baselines, each per k. */
public record BenchmarkResult(AttributionBenchmark config, List<RankerResult> rankers) {
    public BenchmarkResult {
        rankers = List.copyOf(rankers);
    }

    public RankerResult model() {
        return rankers.getFirst();
    }

    public List<RankerResult> baselines() {
        return rankers.subList(1, rankers.size());
    }
}
