package kahu.detect.ioc;

/** Allocation-free helpers over character ranges, shared by the tables and the scanner. */
final class Text {
    private Text() {}

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    static char lower(char c) {
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return Character.toLowerCase(c);
    }

    static String lower(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i), l = lower(c);
            if (l != c && sb == null) sb = new StringBuilder(s.substring(0, i));
            if (sb != null) sb.append(l);
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * FNV-1a over the lower-cased characters from the end backwards: the hash of every suffix falls
     * out on the way, which is what sub-domain matching needs.
     */
    static long hashBackward(CharSequence s, int start, int end) {
        long h = FNV_OFFSET;
        for (int i = end - 1; i >= start; i--) h = (h ^ lower(s.charAt(i))) * FNV_PRIME;
        return h;
    }

    static boolean equalsLower(String key, CharSequence s, int start, int end) {
        if (key.length() != end - start) return false;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) != lower(s.charAt(start + i))) return false;
        return true;
    }

    /** Murmur3's finaliser: spreads the bits of a key before it picks a slot. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    static int capacityFor(int n) {
        return Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    }
}
