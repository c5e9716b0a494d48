package kahu.detect.sigma;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a correlation document (Sigma correlation rules specification v2), collecting every problem. */
final class CorrelationParser {
    private static final java.util.regex.Pattern TIMESPAN = java.util.regex.Pattern.compile("(\\d+)([smhd])");

    private CorrelationParser() {}

    static SigmaCorrelation parse(Map<?, ?> doc, Path file, List<String> problems) {
        String title = SigmaRuleLoader.text(doc, "title");
        if (title == null) problems.add("missing 'title'");
        if (!(doc.get("correlation") instanceof Map<?, ?> c)) {
            problems.add("'correlation' is not a map");
            return null;
        }
        SigmaCorrelation.Type type = null;
        try {
            type = SigmaCorrelation.Type.valueOf(String.valueOf(c.get("type")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("correlation type '" + c.get("type") + "' is not event_count, value_count, temporal or temporal_ordered");
        }
        List<String> rules = strings(c.get("rules"));
        if (rules.isEmpty()) problems.add("correlation names no rules");
        List<String> groupBy = strings(c.get("group-by"));
        Duration timespan = null;
        java.util.regex.Matcher t = TIMESPAN.matcher(String.valueOf(c.get("timespan")));
        if (t.matches()) {
            long n = Long.parseLong(t.group(1));
            timespan = switch (t.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            problems.add("timespan '" + c.get("timespan") + "' is not a number followed by s, m, h or d");
        }
        List<SigmaCorrelation.Bound> bounds = new ArrayList<>();
        String field = c.get("field") == null ? null : String.valueOf(c.get("field"));
        if (c.get("condition") instanceof Map<?, ?> cond) {
            for (Map.Entry<?, ?> e : cond.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (k.equals("field")) {
                    field = String.valueOf(e.getValue());
                    continue;
                }
                try {
                    SigmaCorrelation.Op op = SigmaCorrelation.Op.valueOf(k.toUpperCase(Locale.ROOT));
                    if (!(e.getValue() instanceof Number n)) throw new IllegalArgumentException();
                    bounds.add(new SigmaCorrelation.Bound(op, n.longValue()));
                } catch (IllegalArgumentException ex) {
                    problems.add("correlation condition '" + k + ": " + e.getValue() + "' is not gt/gte/lt/lte/eq/neq with a number");
                }
            }
        } else if (c.get("condition") != null) {
            problems.add("correlation condition is not a map");
        }
        if (type == SigmaCorrelation.Type.EVENT_COUNT || type == SigmaCorrelation.Type.VALUE_COUNT) {
            if (bounds.isEmpty()) problems.add(type.name().toLowerCase(Locale.ROOT) + " needs a condition");
        } else if (type != null && bounds.isEmpty()) {
            bounds.add(new SigmaCorrelation.Bound(SigmaCorrelation.Op.GTE, rules.size())); // every named rule
        }
        if (type == SigmaCorrelation.Type.VALUE_COUNT && field == null) problems.add("value_count needs 'field' in its condition");
        // Counts are judged as each match arrives; a condition with no lower bound is only decidable when a window closes.
        if (!bounds.isEmpty() && bounds.stream().noneMatch(b -> b.op() == SigmaCorrelation.Op.GT
                || b.op() == SigmaCorrelation.Op.GTE || b.op() == SigmaCorrelation.Op.EQ)) {
            problems.add("a correlation condition without gt, gte or eq (fewer-than counts) needs end-of-window evaluation, not supported");
        }
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (c.get("aliases") instanceof Map<?, ?> a) {
            for (Map.Entry<?, ?> e : a.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> byRule)) {
                    problems.add("alias '" + e.getKey() + "' is not a map of rule name to field");
                    continue;
                }
                Map<String, String> m = new LinkedHashMap<>();
                byRule.forEach((r, f) -> m.put(String.valueOf(r), String.valueOf(f)));
                aliases.put(String.valueOf(e.getKey()), Map.copyOf(m));
            }
        }
        boolean generate = Boolean.TRUE.equals(c.get("generate")) || Boolean.TRUE.equals(doc.get("generate"));
        if (!problems.isEmpty()) return null;
        return new SigmaCorrelation(SigmaRuleLoader.text(doc, "id"), SigmaRuleLoader.text(doc, "name"), title,
                SigmaRuleLoader.text(doc, "level"), type, rules, groupBy, timespan, bounds, field, aliases, generate, file);
    }

    private static List<String> strings(Object o) {
        if (o instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return o == null ? List.of() : List.of(String.valueOf(o));
    }
}
