package kahu.evaluate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjusted Rand index of two clusterings of the same items (Hubert and Arabie, 1985): 1 when they
 * agree exactly, about 0 for chance agreement. Computed from the contingency table's pair counts.
 */
public final class AdjustedRand {
    private AdjustedRand() {}

    public static double of(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) throw new IllegalArgumentException("two labellings of the same items are needed");
        int n = truth.size();
        if (n < 2) return 1.0;
        Map<String, Long> cells = new HashMap<>(), rows = new HashMap<>(), cols = new HashMap<>();
        for (int i = 0; i < n; i++) {
            cells.merge(truth.get(i) + "\u0000" + predicted.get(i), 1L, Long::sum);
            rows.merge(truth.get(i), 1L, Long::sum);
            cols.merge(predicted.get(i), 1L, Long::sum);
        }
        double index = cells.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double a = rows.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double b = cols.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double expected = a * b / pairs(n);
        double max = (a + b) / 2;
        if (max == expected) return 1.0; // both clusterings trivial (all singletons or one cluster) and equal in pairs
        return (index - expected) / (max - expected);
    }

    private static double pairs(long k) {
        return k * (k - 1) / 2.0;
    }
}
