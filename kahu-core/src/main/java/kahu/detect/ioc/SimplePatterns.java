package kahu.detect.ioc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises the patterns that are only equalities, {@code [ipv4-addr:value = '…' OR domain-name:value = '…']},
 * which are most indicators in practice, so they go to the fast {@link IndicatorSet} instead of the
 * general evaluator.
 */
final class SimplePatterns {
    private SimplePatterns() {}

    private static final Map<String, IndicatorType> PATHS = Map.ofEntries(
            Map.entry("ipv4-addr:value", IndicatorType.IPV4),
            Map.entry("ipv6-addr:value", IndicatorType.IPV6),
            Map.entry("domain-name:value", IndicatorType.DOMAIN),
            Map.entry("url:value", IndicatorType.URL),
            Map.entry("email-addr:value", IndicatorType.EMAIL),
            Map.entry("file:name", IndicatorType.FILE_NAME),
            Map.entry("file:hashes.md5", IndicatorType.MD5),
            Map.entry("file:hashes.sha1", IndicatorType.SHA1),
            Map.entry("file:hashes.sha-1", IndicatorType.SHA1),
            Map.entry("file:hashes.sha256", IndicatorType.SHA256),
            Map.entry("file:hashes.sha-256", IndicatorType.SHA256));

    /** (type, value) pairs, or empty when the pattern needs the full evaluator (or a value is not valid for its type). */
    static Optional<List<Map.Entry<IndicatorType, String>>> equalities(Pattern p) {
        List<Map.Entry<IndicatorType, String>> out = new ArrayList<>();
        return collect(p, out) ? Optional.of(out) : Optional.empty();
    }

    private static boolean collect(Pattern p, List<Map.Entry<IndicatorType, String>> out) {
        return switch (p) {
            case Pattern.Or(Pattern l, Pattern r) -> collect(l, out) && collect(r, out);
            case Pattern.Observation(Comparison c) -> collect(c, out);
            default -> false;
        };
    }

    private static boolean collect(Comparison c, List<Map.Entry<IndicatorType, String>> out) {
        return switch (c) {
            case Comparison.Or(Comparison l, Comparison r) -> collect(l, out) && collect(r, out);
            case Comparison.Test(ObjectPath path, Comparison.Operator op, boolean negated, Constant k)
                    when op == Comparison.Operator.EQ && !negated && k instanceof Constant.Str(String v) -> {
                IndicatorType t = PATHS.get(path.toString().toLowerCase(Locale.ROOT));
                if (t == null) yield false;
                try {
                    t.normalise(v);
                } catch (IllegalArgumentException invalid) {
                    yield false;
                }
                out.add(Map.entry(t, v));
                yield true;
            }
            default -> false;
        };
    }
}
