package kahu.detect.sigma;

/**
 * Two chars next to each other in every match of a regular expression: consecutive top-level
 * atoms that each occur at least once (a plain char or a plain ASCII class, as {@link RegexRun}
 * reads them), e.g. {@code \.[ "']} in the Raspberry Robin rule's {@code …\.[a-zA-Z0-9]{1,6}\.[ "']},
 * whose only literals are single chars that every command line has. The pair with the fewest
 * combinations is kept when there are at most {@link #MAX_COMBINATIONS}; a value with no such
 * pair is rejected in one pass before re2j runs. Case folding as in {@link RegexRun}. Immutable.
 */
record RegexPair(boolean[] first, boolean[] second, boolean nonAsciiMembers) {
    static final int MAX_COMBINATIONS = 16;
    private static final String META = ".^$*+?{}[]()|\\";

    /** The most selective such pair, or null. */
    static RegexPair of(String re, boolean ignoreCase) {
        if (RegexRun.otherFlags(re)) return null;
        boolean[] prev = null;
        RegexPair best = null;
        int bestScore = MAX_COMBINATIONS + 1;
        for (int i = 0, n = re.length(); i < n; i++) {
            char c = re.charAt(i);
            boolean[] cls = null;
            int end = i;
            if (c == '|' || c == ')' || c >= 128 || Character.isSurrogate(c)) return null;
            if (c == '(') {
                int close = RegexLiteral.skipGroup(re, i);
                if (close < 0) return null;
                prev = null; // what a group matches is not read here
                i = skipQuantifier(re, close + 1) - 1;
                continue;
            } else if (c == '[') {
                end = RegexLiteral.skipClass(re, i);
                if (end < 0) return null;
                cls = RegexRun.parseClass(re, i + 1, end);
            } else if (c == '\\') {
                if (i + 1 >= n || re.charAt(i + 1) == 'Q') return null;
                end = i + 1;
                char e = re.charAt(end);
                if (Character.isLetterOrDigit(e) && "dwsDWSbBAz".indexOf(e) < 0) return null; // \p{…}, \x…, \t…: not read here
                cls = RegexRun.perlClass(e);
                if (cls == null && !Character.isLetterOrDigit(e) && e < 128) cls = single(e);
            } else if (META.indexOf(c) < 0) {
                cls = single(c);
            }
            int times = cls == null ? 0 : RegexRun.minRepeat(re, end + 1);
            if (cls == null || times == 0) {
                prev = null;
                i = skipQuantifier(re, end + 1) - 1;
                continue;
            }
            if (ignoreCase) for (char x = 'a'; x <= 'z'; x++) cls[x] = cls[x - 32] = cls[x] || cls[x - 32];
            if (prev != null) {
                int score = count(prev) * count(cls);
                if (score < bestScore) {
                    bestScore = score;
                    best = new RegexPair(prev, cls, ignoreCase);
                }
            }
            // a quantified atom still ends with a char of its class, next to what follows
            prev = cls;
            i = skipQuantifier(re, end + 1) - 1;
        }
        return best;
    }

    /** Whether some char of {@link #first} is directly followed by one of {@link #second}. */
    boolean foundIn(String v) {
        boolean after = false;
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (after && (c < 128 ? second[c] : nonAsciiMembers)) return true;
            after = c < 128 ? first[c] : nonAsciiMembers;
        }
        return false;
    }

    private static boolean[] single(char c) {
        boolean[] m = new boolean[128];
        m[c] = true;
        return m;
    }

    private static int count(boolean[] m) {
        int k = 0;
        for (boolean b : m) if (b) k++;
        return k;
    }

    /** The index after a quantifier at {@code i} (with a lazy mark), or {@code i}; a '{' that is no {@code {n}}, {@code {n,}}, {@code {n,m}} is a plain char. */
    private static int skipQuantifier(String re, int i) {
        if (i >= re.length()) return i;
        char q = re.charAt(i);
        if (q == '{') {
            int j = i + 1;
            while (j < re.length() && Character.isDigit(re.charAt(j))) j++;
            if (j == i + 1) return i;
            if (j < re.length() && re.charAt(j) == ',') j++;
            while (j < re.length() && Character.isDigit(re.charAt(j))) j++;
            if (j >= re.length() || re.charAt(j) != '}') return i;
            i = j + 1;
        } else if (q == '*' || q == '+' || q == '?') {
            i++;
        } else {
            return i;
        }
        return i < re.length() && (re.charAt(i) == '?' || re.charAt(i) == '+') ? i + 1 : i;
    }
}
