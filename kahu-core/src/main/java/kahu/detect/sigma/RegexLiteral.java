package kahu.detect.sigma;

/**
 * A literal that every match of a regular expression contains, found by a conservative scan of
 * its source, so that {@link ValueTest.Regex} can reject most values with one {@code indexOf}
 * before running re2j. Only characters outside groups and classes count, a quantifier that may
 * repeat a character zero times drops it, and any construct the scan does not understand
 * (top-level alternation, {@code \Q}, {@code \x}, {@code \p}, back-references, POSIX classes, surrogates)
 * gives no literal: a literal is only ever an extra necessary condition, never a different answer.
 */
final class RegexLiteral {
    /** Even one char is worth it: a vectorised indexOf costs far less than running re2j. */
    static final int MIN = 1;

    private static final int NONE = 0, LITERAL = 1, ATOM = 2, QUANTIFIER = 3;

    private RegexLiteral() {}

    /** The longest required run of plain characters, at least {@link #MIN} long, or null. */
    static String required(String re) {
        java.util.List<String> runs = runs(re);
        if (runs == null) return null;
        String best = "";
        for (String r : runs) if (r.length() > best.length()) best = r;
        return best.length() >= MIN ? best : null;
    }

    /**
     * Every required run of plain characters, in order (each occurs in every match, apart from the
     * others), or null when the source has a construct the scan does not understand.
     */
    static java.util.List<String> runs(String re) {
        if (re.contains("[:")) return null;
        for (int i = 0; i < re.length(); i++) if (Character.isSurrogate(re.charAt(i))) return null;
        StringBuilder run = new StringBuilder();
        java.util.List<String> runs = new java.util.ArrayList<>();
        int n = re.length();
        int prev = NONE; // what a quantifier here would repeat
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            int kind = ATOM;
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) return null;
                    char e = re.charAt(++i);
                    if (Character.isLetterOrDigit(e)) {
                        if ("dDwWstnrfva".indexOf(e) >= 0) kind = ATOM;
                        else if ("bBAz".indexOf(e) >= 0) kind = NONE;
                        else return null;
                        end(runs, run);
                    } else {
                        run.append(e);
                        kind = LITERAL;
                    }
                }
                case '(' -> {
                    end(runs, run);
                    int close = skipGroup(re, i);
                    if (close < 0) return null;
                    // a flag group such as (?i) matches nothing: a quantifier after it is not about it
                    if (re.startsWith("(?", i) && re.substring(i, close).indexOf(':') < 0) kind = NONE;
                    i = close;
                }
                case '[' -> {
                    end(runs, run);
                    i = skipClass(re, i);
                    if (i < 0) return null;
                }
                case '*', '?', '+', '{' -> {
                    if (c == '?' && prev == QUANTIFIER) { // lazy: same repetition
                        prev = QUANTIFIER;
                        continue;
                    }
                    if (prev == LITERAL) {
                        if (c != '+') run.setLength(run.length() - 1); // zero of it will do (or {0,…})
                    } else if (prev != ATOM) {
                        return null; // repeating what? (not worth knowing)
                    }
                    end(runs, run);
                    if (c == '{') {
                        int close = re.indexOf('}', i);
                        if (close < 0) return null;
                        i = close;
                    }
                    kind = QUANTIFIER;
                }
                case '|' -> {
                    return null; // a top-level alternative: nothing is required (inside groups, skipped, it is fine)
                }
                case '.' -> end(runs, run);
                case '^', '$' -> {
                    end(runs, run);
                    kind = NONE;
                }
                case ')' -> {
                    return null;
                }
                default -> {
                    run.append(c);
                    kind = LITERAL;
                }
            }
            prev = kind;
        }
        end(runs, run);
        return runs;
    }

    private static final java.util.regex.Pattern AT_LEAST = java.util.regex.Pattern.compile("\\^?\\.\\{(\\d{1,6}),\\d*}\\$?");

    /**
     * A length every matching value has: for {@code .{N,}} (any N chars, e.g. "a very long
     * command line") N, since a match is N chars of the value; otherwise 0.
     */
    static int minLength(String re) {
        java.util.regex.Matcher m = AT_LEAST.matcher(re);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether the source may turn on case-insensitive matching inside (an inline flag group). */
    static boolean inlineFlags(String re) {
        return re.contains("(?");
    }

    /** Ends the current run: kept when not empty. */
    private static void end(java.util.List<String> runs, StringBuilder run) {
        if (!run.isEmpty()) runs.add(run.toString());
        run.setLength(0);
    }

    /** @return the index of the ')' closing the group opened at {@code i}, or -1 */
    static int skipGroup(String re, int i) {
        int depth = 0;
        for (int j = i; j < re.length(); j++) {
            char c = re.charAt(j);
            if (c == '\\') j++;
            else if (c == '[') {
                j = skipClass(re, j);
                if (j < 0) return -1;
            } else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return j;
        }
        return -1;
    }

    /** @return the index of the ']' closing the class opened at {@code i}, or -1 */
    static int skipClass(String re, int i) {
        int j = i + 1, n = re.length();
        if (j < n && re.charAt(j) == '^') j++;
        if (j < n && re.charAt(j) == ']') j++;
        while (j < n && re.charAt(j) != ']') j += re.charAt(j) == '\\' ? 2 : 1;
        return j < n ? j : -1;
    }
}
