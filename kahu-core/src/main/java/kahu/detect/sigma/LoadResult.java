package kahu.detect.sigma;

import java.util.List;

/** The rules loaded from some directories and the files rejected, each with its reasons. */
public record LoadResult(List<SigmaRule> loaded, List<Rejection> rejected) {
    public LoadResult {
        loaded = List.copyOf(loaded);
        rejected = List.copyOf(rejected);
    }

    public int total() {
        return loaded.size() + rejected.size();
    }
}
