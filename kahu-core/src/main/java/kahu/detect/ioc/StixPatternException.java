package kahu.detect.ioc;

/**
 * A STIX pattern that does not parse: the 1-based column where it went wrong and what the grammar
 * expected there, so an analyst can fix the indicator without reading the grammar.
 */
public final class StixPatternException extends IllegalArgumentException {
    private final int column;
    private final String expected;

    public StixPatternException(int column, String expected, String found) {
        super("column " + column + ": expected " + expected + " but found " + found);
        this.column = column;
        this.expected = expected;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }
}
