package kahu.detect.ioc;

import java.util.ArrayList;
import java.util.List;

/** What a feed gave: equality indicators for the fast set, full patterns, and the records it could not use. */
public record Feed(List<Indicator> indicators, List<PatternIndicator> patterns, List<FeedProblem> problems) {
    public Feed {
        indicators = List.copyOf(indicators);
        patterns = List.copyOf(patterns);
        problems = List.copyOf(problems);
    }

    /** Several feeds as one. */
    public static Feed merge(List<Feed> feeds) {
        List<Indicator> i = new ArrayList<>();
        List<PatternIndicator> p = new ArrayList<>();
        List<FeedProblem> e = new ArrayList<>();
        for (Feed f : feeds) {
            i.addAll(f.indicators());
            p.addAll(f.patterns());
            e.addAll(f.problems());
        }
        return new Feed(i, p, e);
    }
}
