package kahu.detect.sigma;

/**
 * A run every match of a regular expression contains: a character class repeated at least
 * {@link #MIN} times at the top level ({@code [a-fA-F0-9]{64}}, {@code \d{12,}}), so that
 * {@link ValueTest.Regex} can reject a value without such a run in one pass before running re2j
 * (whose NFA costs tens of ns per char: the "64 hex digits" rule cost 3 µs per process event).
 * Only plain ASCII classes are understood (ranges, single chars, {@code \d \w \s} as re2j has
 * them, ASCII-only); anything else, a top-level alternation or a negated class gives no run.
 * With case-insensitive matching both ASCII cases count and any non-ASCII char is let through,
 * since re2j also folds e.g. 'ſ' onto 's'. Immutable.
 */
record RegexRun(boolean[] members, boolean nonAsciiMembers, int length) {
    static final int MIN = 8;

    /** The longest-required such run, or null. */
    static RegexRun of(String re, boolean ignoreCase) {
        if (otherFlags(re)) return null;
        RegexRun best = null;
        int n = re.length();
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            boolean[] cls = null;
            int end = i;
            switch (c) {
                case '|', ')' -> {
                    return null;
                }
                case '(' -> {
                    i = RegexLiteral.skipGroup(re, i);
                    if (i < 0) return null;
                    continue;
                }
                case '[' -> {
                    end = RegexLiteral.skipClass(re, i);
                    if (end < 0) return null;
                    cls = parseClass(re, i + 1, end);
                    if (cls == null) {
                        i = end;
                        continue;
                    }
                }
                case '\\' -> {
                    if (i + 1 >= n || re.charAt(i + 1) == 'Q') return null; // \Q…\E: quoted text this scan would misread
                    end = i + 1;
                    cls = perlClass(re.charAt(end));
                }
                default -> { }
            }
            if (cls == null) {
                i = end;
                continue;
            }
            int times = minRepeat(re, end + 1);
            if (times >= MIN && (best == null || times > best.length)) {
                if (ignoreCase) for (char x = 'a'; x <= 'z'; x++) cls[x] = cls[x - 32] = cls[x] || cls[x - 32];
                best = new RegexRun(cls, ignoreCase, times);
            }
            i = end;
        }
        return best;
    }

    /**
     * Whether the source has inline flags other than one leading {@code (?i)} (read as matching
     * ignoring case throughout): flags changing midway, or quantified, are not followed here.
     */
    static boolean otherFlags(String re) {
        int from = re.startsWith("(?i)") && !(re.length() > 4 && "*+?{".indexOf(re.charAt(4)) >= 0) ? 4 : 0;
        for (int i = re.indexOf("(?", from); i >= 0; i = re.indexOf("(?", i + 2)) {
            if (i + 2 < re.length() && re.charAt(i + 2) == ':') continue; // a plain group; an escaped "\\(?" counts too: no harm
            return true;
        }
        return false;
    }

    /** Whether the value holds {@link #length} consecutive member chars. */
    boolean foundIn(String v) {
        int run = 0;
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c < 128 ? members[c] : nonAsciiMembers) {
                if (++run >= length) return true;
            } else {
                run = 0;
            }
        }
        return false;
    }

    /** The least count of the quantifier at {@code i} ({@code {n}}, {@code {n,}}, {@code {n,m}}, {@code +}); 1 when none, 0 for {@code *}/{@code ?}. */
    static int minRepeat(String re, int i) {
        if (i >= re.length()) return 1;
        char q = re.charAt(i);
        if (q == '*' || q == '?') return 0;
        if (q != '{') return 1;
        int j = i + 1, v = 0;
        while (j < re.length() && Character.isDigit(re.charAt(j)) && v < 100_000) v = v * 10 + (re.charAt(j++) - '0');
        if (j == i + 1) return 1;
        int k = j;
        if (k < re.length() && re.charAt(k) == ',') k++;
        while (k < re.length() && Character.isDigit(re.charAt(k))) k++;
        return k < re.length() && re.charAt(k) == '}' ? v : 1;
    }

    static boolean[] perlClass(char e) {
        boolean[] m = new boolean[128];
        switch (e) {
            case 'd' -> range(m, '0', '9');
            case 'w' -> {
                range(m, '0', '9');
                range(m, 'a', 'z');
                range(m, 'A', 'Z');
                m['_'] = true;
            }
            case 's' -> {
                for (char c : new char[] {'\t', '\n', '\f', '\r', ' '}) m[c] = true;
            }
            default -> {
                return null;
            }
        }
        return m;
    }

    /** The members of {@code [from … end)}, or null for what this does not read (negation, non-ASCII, POSIX, other escapes). */
    static boolean[] parseClass(String re, int from, int end) {
        if (from < end && re.charAt(from) == '^') return null;
        boolean[] m = new boolean[128];
        for (int i = from; i < end; i++) {
            char c = re.charAt(i);
            if (c == '[' || c >= 128) return null;
            if (c == '\\') {
                if (i + 1 >= end) return null;
                char e = re.charAt(++i);
                boolean[] p = perlClass(e);
                if (p != null) {
                    for (int k = 0; k < 128; k++) m[k] |= p[k];
                    continue;
                }
                if (Character.isLetterOrDigit(e) || e >= 128) return null;
                c = e;
            }
            if (i + 2 < end && re.charAt(i + 1) == '-' && re.charAt(i + 2) != '\\') {
                char hi = re.charAt(i + 2);
                if (hi >= 128 || hi < c) return null;
                range(m, c, hi);
                i += 2;
            } else {
                m[c] = true;
            }
        }
        return m;
    }

    private static void range(boolean[] m, char lo, char hi) {
        for (char c = lo; c <= hi; c++) m[c] = true;
    }
}
