package kahu.detect.sigma;

import java.nio.file.Path;

/** One regression test of the Sigma repository: a rule, a log file and how many events it must match. */
public record RegressionCase(Path info, String ruleId, String ruleTitle, Path evtx, long expected) {}
