package kahu.detect.ioc;

/** The inside of an observation expression: comparisons of object paths with constants, joined by AND/OR. */
public sealed interface Comparison {

    record And(Comparison left, Comparison right) implements Comparison {}

    record Or(Comparison left, Comparison right) implements Comparison {}

    /** {@code path [NOT] op constant}. */
    record Test(ObjectPath path, Operator operator, boolean negated, Constant constant) implements Comparison {}

    /** {@code [NOT] EXISTS path}. */
    record Exists(ObjectPath path, boolean negated) implements Comparison {}

    enum Operator {
        EQ("="), NEQ("!="), GT(">"), LT("<"), GE(">="), LE("<="), IN("IN"), LIKE("LIKE"), MATCHES("MATCHES"),
        ISSUBSET("ISSUBSET"), ISSUPERSET("ISSUPERSET");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
