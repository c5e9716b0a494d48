package kahu.attribution;

import java.util.List;

/**
 * Analytic confidence in the assessment, kept apart from its likelihood: how much, how varied, how
 * reliable and how hard to fake the evidence is, how far the leader stands above the runner-up, and
 * whether the leader survives the false-flag checks. {@code reasons} says what lowered or raised it.
 */
public record Confidence(Level level, double score, List<String> reasons) {
    public enum Level {
        LOW, MODERATE, HIGH;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Confidence {
        reasons = List.copyOf(reasons);
    }
}
