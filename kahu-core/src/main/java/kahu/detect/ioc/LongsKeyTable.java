package kahu.detect.ioc;

/**
 * Open-addressing map from a fixed number of 64-bit words (IPv6 address: 2, MD5: 2, SHA-1: 3,
 * SHA-256: 4) to an indicator chain. Hashes are stored as packed bytes, not hex strings: 32 bytes
 * instead of about 170 for a SHA-256 String.
 */
final class LongsKeyTable {
    private final int words;
    private final long[] keys;
    private final int[] heads;
    private final int mask;
    private final KeyFilter filter;

    LongsKeyTable(int words, int expected) {
        this.words = words;
        int cap = Text.capacityFor(expected);
        keys = new long[cap * words];
        heads = new int[cap];
        mask = cap - 1;
        filter = new KeyFilter(expected);
    }

    private static long mixOf(long w0, long w1) {
        return Text.mix(w0 * 31 + w1);
    }

    private boolean same(int slot, long w0, long w1, long w2, long w3) {
        int b = slot * words;
        return keys[b] == w0 && keys[b + 1] == w1 && (words < 3 || keys[b + 2] == w2) && (words < 4 || keys[b + 3] == w3);
    }

    int put(long w0, long w1, long w2, long w3, int indicator) {
        long m = mixOf(w0, w1);
        filter.add(m);
        int slot = (int) m & mask;
        while (heads[slot] != 0 && !same(slot, w0, w1, w2, w3)) slot = (slot + 1) & mask;
        int previous = heads[slot] - 1;
        int b = slot * words;
        keys[b] = w0;
        keys[b + 1] = w1;
        if (words >= 3) keys[b + 2] = w2;
        if (words >= 4) keys[b + 3] = w3;
        heads[slot] = indicator + 1;
        return previous;
    }

    int get(long w0, long w1, long w2, long w3) {
        long m = mixOf(w0, w1);
        if (!filter.mightContain(m)) return -1;
        int slot = (int) m & mask;
        int h;
        while ((h = heads[slot]) != 0) {
            if (same(slot, w0, w1, w2, w3)) return h - 1;
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    long bytes() {
        return 8L * keys.length + 4L * heads.length + filter.bytes();
    }
}
