package kahu.detect.sigma;

/**
 * Case-folded copies of event values, so that the many case-insensitive tests of one event value
 * fold it once and then use {@link String#indexOf(String)} (vectorised by the JVM). Folding is
 * per char with {@link LiteralAutomaton#fold}, which keeps the length and compares exactly as
 * {@code regionMatches(true, …)} does. Cached per thread by value identity; the folded form
 * depends only on the content, so the cache is never wrong, only bounded.
 */
final class Folded {
    private static final int SLOTS = 1024; // direct-mapped by identity hash: one probe, no boxing
    private static final ThreadLocal<String[][]> CACHE = ThreadLocal.withInitial(() -> new String[2][SLOTS]);

    private Folded() {}

    static String of(String v) {
        String[][] cache = CACHE.get();
        String[] keys = cache[0], values = cache[1];
        int i = System.identityHashCode(v) & (SLOTS - 1);
        if (keys[i] == v) return values[i];
        String f = fold(v);
        keys[i] = v;
        values[i] = f;
        return f;
    }

    static String fold(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (LiteralAutomaton.fold(c) != c) {
                char[] cs = s.toCharArray();
                for (int j = i; j < cs.length; j++) cs[j] = LiteralAutomaton.fold(cs[j]);
                return new String(cs);
            }
        }
        return s; // already folded: no copy
    }
}
