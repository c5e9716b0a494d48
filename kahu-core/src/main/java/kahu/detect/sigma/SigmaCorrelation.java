package kahu.detect.sigma;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Sigma correlation rule (specification v2): matches of the rules it names (by id or name,
 * possibly other correlations) counted or sequenced per group within a time span.
 *
 * @param bounds   the condition: every bound must hold (e.g. {@code gt: 100, lte: 200})
 * @param field    for {@code value_count}: the field whose distinct values are counted
 * @param aliases  group-by alias → rule name → the field name in that rule's events
 * @param generate whether the named rules also alert on their own
 */
public record SigmaCorrelation(String id, String name, String title, String level, Type type, List<String> rules,
                               List<String> groupBy, Duration timespan, List<Bound> bounds, String field,
                               Map<String, Map<String, String>> aliases, boolean generate, Path file) {
    public enum Type { EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED }

    public enum Op { GT, GTE, LT, LTE, EQ, NEQ }

    public record Bound(Op op, long value) {
        boolean holds(long n) {
            return switch (op) {
                case GT -> n > value;
                case GTE -> n >= value;
                case LT -> n < value;
                case LTE -> n <= value;
                case EQ -> n == value;
                case NEQ -> n != value;
            };
        }
    }

    public SigmaCorrelation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        bounds = List.copyOf(bounds);
        aliases = Map.copyOf(aliases);
    }

    boolean holds(long n) {
        for (Bound b : bounds) if (!b.holds(n)) return false;
        return true;
    }

    /** The field to read for a group-by name in events of a rule (aliases are per rule name). */
    String fieldFor(String groupBy, SigmaRule rule) {
        Map<String, String> byRule = aliases.get(groupBy);
        if (byRule == null) return groupBy;
        String f = rule.name() != null ? byRule.get(rule.name()) : null;
        if (f == null) f = byRule.get(rule.id());
        return f != null ? f : groupBy;
    }
}
