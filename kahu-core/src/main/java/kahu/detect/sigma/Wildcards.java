package kahu.detect.sigma;

/**
 * Sigma string values with {@code *} and {@code ?} wildcards. While a value goes through the
 * modifiers, its unescaped wildcards are held as two private-use characters so that escaped
 * ones ({@code \*}, {@code \?}) stay literal. A backslash escapes only {@code *}, {@code ?} and
 * itself; any other backslash is literal (Windows paths), as the specification says.
 */
final class Wildcards {
    static final char ANY = '\uE000', ONE = '\uE001';

    private Wildcards() {}

    /** The raw rule text with unescaped wildcards replaced by {@link #ANY}/{@link #ONE}. */
    static String parse(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && "*?\\".indexOf(raw.charAt(i + 1)) >= 0) {
                b.append(raw.charAt(++i));
            } else if (c == '*') {
                b.append(ANY);
            } else if (c == '?') {
                b.append(ONE);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static boolean hasWildcards(String s) {
        return s.indexOf(ANY) >= 0 || s.indexOf(ONE) >= 0;
    }

    /** The cheapest test for a parsed value: a literal comparison when it can be, else a glob. */
    static ValueTest compile(String s, boolean cased) {
        int start = 0, end = s.length();
        boolean lead = start < end && s.charAt(start) == ANY, trail = end > start + (lead ? 1 : 0) && s.charAt(end - 1) == ANY;
        if (lead) start++;
        if (trail) end--;
        String inner = s.substring(start, end);
        if (!hasWildcards(inner)) {
            ValueTest.Position p = lead && trail ? ValueTest.Position.CONTAINS
                    : lead ? ValueTest.Position.ENDS
                    : trail ? ValueTest.Position.STARTS : ValueTest.Position.EQUALS;
            if (lead && !trail && s.length() == 1) p = ValueTest.Position.CONTAINS; // a lone "*"
            return new ValueTest.Literal(inner, p, cased);
        }
        return new ValueTest.Glob(s, cased);
    }

    /** The value as the rule author wrote it, for messages. */
    static String show(String s) {
        return s.replace(ANY, '*').replace(ONE, '?');
    }
}
