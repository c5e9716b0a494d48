package kahu.detect.ioc;

/** An indicator found in a line of text at [start, end). */
public record TextMatch(Indicator indicator, int start, int end) {}
