package kahu.detect.sigma;

import java.util.List;

/** The outcome of running regression cases. */
public record RegressionReport(int cases, int passed, List<Failure> failed, String eventSource) {
    /** {@code actual} is -1 when the rule was not loaded or the log could not be read ({@code why}). */
    public record Failure(String rule, String file, long expected, long actual, String why) {}

    public RegressionReport {
        failed = List.copyOf(failed);
    }
}
