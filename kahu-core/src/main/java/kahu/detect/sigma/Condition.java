package kahu.detect.sigma;

/** The parsed {@code condition} of a detection, before identifiers are resolved. */
sealed interface Condition {
    record Ref(String name) implements Condition {}

    /** {@code 1 of x*}, {@code all of them}; {@code pattern} null means {@code them}. */
    record Of(Quantity quantity, String pattern) implements Condition {}

    record And(Condition left, Condition right) implements Condition {}

    record Or(Condition left, Condition right) implements Condition {}

    record Not(Condition inner) implements Condition {}

    enum Quantity { ONE, ALL }
}
