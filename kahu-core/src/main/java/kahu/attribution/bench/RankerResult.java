package kahu.attribution.bench;

import java.util.List;

/** One ranker's metrics per k (averaged over seeds) and its reliability bins at the diagram's k (pooled over seeds). */
public record RankerResult(String name, List<Metrics> perK, List<ReliabilityBin> reliability) {
    public RankerResult {
        perK = List.copyOf(perK);
        reliability = List.copyOf(reliability);
    }

    public Metrics at(int k) {
        return perK.stream().filter(m -> m.k() == k).findFirst().orElseThrow(() -> new IllegalArgumentException("no results at k=" + k));
    }
}
