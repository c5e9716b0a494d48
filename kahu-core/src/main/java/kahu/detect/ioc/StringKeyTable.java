package kahu.detect.ioc;

/**
 * Open-addressing map from a normalised (lower-case) string to an indicator chain, looked up by a
 * character range of a log line without making a String: the 64-bit backward FNV hash picks the slot
 * and screens candidates, the stored key confirms.
 */
final class StringKeyTable {
    private final long[] hashes;
    private final String[] keys;
    private final int[] heads;
    private final int mask;
    private final KeyFilter filter;

    StringKeyTable(int expected) {
        int cap = Text.capacityFor(expected);
        hashes = new long[cap];
        keys = new String[cap];
        heads = new int[cap];
        mask = cap - 1;
        filter = new KeyFilter(expected);
    }

    int put(String key, int indicator) {
        long h = Text.hashBackward(key, 0, key.length());
        long m = Text.mix(h);
        filter.add(m);
        int slot = (int) m & mask;
        while (heads[slot] != 0 && !(hashes[slot] == h && keys[slot].equals(key))) slot = (slot + 1) & mask;
        int previous = heads[slot] - 1;
        hashes[slot] = h;
        keys[slot] = key;
        heads[slot] = indicator + 1;
        return previous;
    }

    /** The chain head for s[start, end) lower-cased, whose backward hash the caller already has. */
    int get(long hash, CharSequence s, int start, int end) {
        long m = Text.mix(hash);
        if (!filter.mightContain(m)) return -1;
        int slot = (int) m & mask;
        int h;
        while ((h = heads[slot]) != 0) {
            if (hashes[slot] == hash && Text.equalsLower(keys[slot], s, start, end)) return h - 1;
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int get(CharSequence s, int start, int end) {
        return get(Text.hashBackward(s, start, end), s, start, end);
    }

    int get(String key) {
        return get(key, 0, key.length());
    }

    long bytes() {
        return 16L * hashes.length + filter.bytes();
    }
}
