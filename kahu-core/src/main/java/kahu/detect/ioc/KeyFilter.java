package kahu.detect.ioc;

/**
 * A blocked Bloom filter in front of each look-up table: one 64-bit word per probe with three bits,
 * about eight bits per key, so it stays in the CPU's L2 cache while the tables (tens of MB for a million
 * indicators) do not. Most log tokens are not indicators; the filter turns their look-up from a
 * main-memory miss into a cache hit, with about 3% false positives that the table then rejects.
 */
final class KeyFilter {
    private final long[] words;
    private final int mask;

    KeyFilter(int expectedKeys) {
        int n = Integer.highestOneBit(Math.max(1, expectedKeys / 8) * 2 - 1) << 1;
        words = new long[Math.max(1, n)];
        mask = words.length - 1;
    }

    private static long bits(long h) {
        return (1L << (h & 63)) | (1L << ((h >>> 6) & 63)) | (1L << ((h >>> 12) & 63));
    }

    /** h must already be well mixed (callers pass {@link Text#mix} output). */
    void add(long h) {
        words[(int) (h >>> 40) & mask] |= bits(h);
    }

    boolean mightContain(long h) {
        long b = bits(h);
        return (words[(int) (h >>> 40) & mask] & b) == b;
    }

    long bytes() {
        return 8L * words.length;
    }
}
