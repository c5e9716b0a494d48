package kahu.attribution;

/**
 * How much one item of evidence moved one hypothesis: its weight of evidence, log10 of the
 * likelihood ratio against the "unknown or unlisted actor" hypothesis (+1 = ten times more likely
 * under this hypothesis, 0 = no information, negative = evidence against).
 */
public record Contribution(Evidence evidence, double weight) {}
