package kahu.detect.sigma;

import java.util.List;

/**
 * What was loaded from some directories: detection rules, correlation rules, filters, and the
 * files rejected (whole: a file with one bad document loads nothing), each with its reasons.
 */
public record LoadResult(List<SigmaRule> loaded, List<SigmaCorrelation> correlations, List<SigmaFilter> filters,
                         List<Rejection> rejected) {
    public LoadResult {
        loaded = List.copyOf(loaded);
        correlations = List.copyOf(correlations);
        filters = List.copyOf(filters);
        rejected = List.copyOf(rejected);
    }

    /** Number of rule documents seen: loaded ones of every kind plus rejected files. */
    public int total() {
        return loaded.size() + correlations.size() + filters.size() + rejected.size();
    }
}
