package kahu.detect.sigma;

import java.util.IdentityHashMap;

/**
 * Case-folded copies of event values, so that the many case-insensitive tests of one event value
 * fold it once and then use {@link String#indexOf(String)} (vectorised by the JVM). Folding is
 * per char with {@link LiteralAutomaton#fold}, which keeps the length and compares exactly as
 * {@code regionMatches(true, …)} does. Cached per thread by value identity; the folded form
 * depends only on the content, so the cache is never wrong, only bounded.
 */
final class Folded {
    private static final int MAX = 512;
    private static final ThreadLocal<IdentityHashMap<String, String>> CACHE = ThreadLocal.withInitial(IdentityHashMap::new);

    private Folded() {}

    static String of(String v) {
        IdentityHashMap<String, String> cache = CACHE.get();
        String f = cache.get(v);
        if (f == null) {
            if (cache.size() >= MAX) cache.clear();
            f = fold(v);
            cache.put(v, f);
        }
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
