package kahu.detect.sigma;

import com.google.re2j.Pattern;

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

    /** The cheapest test for a parsed value: a literal comparison when it can be, else a re2j pattern. */
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
        return new ValueTest.Regex(Pattern.compile(toRegex(s, cased)), s);
    }

    static String toRegex(String s, boolean cased) {
        StringBuilder re = new StringBuilder(cased ? "(?s)^" : "(?is)^");
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ANY || c == ONE) {
                if (!lit.isEmpty()) re.append(Pattern.quote(lit.toString()));
                lit.setLength(0);
                re.append(c == ANY ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (!lit.isEmpty()) re.append(Pattern.quote(lit.toString()));
        return re.append('$').toString();
    }

    /** The value as the rule author wrote it, for messages. */
    static String show(String s) {
        return s.replace(ANY, '*').replace(ONE, '?');
    }
}
