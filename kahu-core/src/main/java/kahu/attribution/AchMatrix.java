package kahu.attribution;

import java.util.List;

/**
 * Analysis of competing hypotheses: the evidence against the leading hypotheses (the last column is
 * the unknown actor), most diagnostic evidence first. Diagnosticity is the spread of an item's weight
 * across these hypotheses: evidence consistent with all of them tells nothing apart.
 */
public record AchMatrix(List<String> hypotheses, List<Row> rows) {
    public enum Cell {
        CONSISTENT, INCONSISTENT, NEUTRAL;

        public String symbol() {
            return switch (this) {
                case CONSISTENT -> "C";
                case INCONSISTENT -> "I";
                case NEUTRAL -> "N";
            };
        }
    }

    public record Row(Evidence evidence, double diagnosticity, List<Cell> cells, List<Double> weights) {
        public Row {
            cells = List.copyOf(cells);
            weights = List.copyOf(weights);
        }
    }

    public AchMatrix {
        hypotheses = List.copyOf(hypotheses);
        rows = List.copyOf(rows);
    }
}
