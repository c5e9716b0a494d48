package kahu.attribution;

/** A probability put into words on one scale: the term and the range it stands for, e.g. "highly likely", "80–90%". */
public record Estimative(String term, String range) {}
