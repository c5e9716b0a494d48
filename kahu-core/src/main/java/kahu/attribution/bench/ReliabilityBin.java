package kahu.attribution.bench;

/**
 * One of the 10 equal bins of the top-ranked actor's probability: how many cases fell in it, their
 * mean probability and how often the top-ranked actor was right.
 */
public record ReliabilityBin(double lower, double upper, int cases, double meanConfidence, double accuracy) {}
