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
        boolean ascii = true;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            ascii &= c < 128;
            if (LiteralAutomaton.fold(c) != c) {
                // An ASCII text (nearly every value) folds as toLowerCase does: one copy, straight to
                // the compact form, instead of a char array and a second copy into the string.
                if (ascii && isAscii(s, i)) return s.toLowerCase(java.util.Locale.ROOT);
                char[] cs = s.toCharArray();
                for (int j = i; j < cs.length; j++) cs[j] = LiteralAutomaton.fold(cs[j]);
                return new String(cs);
            }
        }
        return s; // already folded: no copy
    }

    private static boolean isAscii(String s, int from) {
        for (int i = from, n = s.length(); i < n; i++) if (s.charAt(i) >= 128) return false;
        return true;
    }
}
