package kahu.detect.ioc;

/**
 * Open-addressing map from a 32-bit key (an IPv4 address) to the first of a chain of indicator
 * indexes: two flat int arrays, no boxing, at most half full so a probe is short.
 */
final class IntKeyTable {
    private final int[] keys;
    /** indicator index + 1; 0 marks an empty slot */
    private final int[] heads;
    private final int mask;
    private final KeyFilter filter;
    private int size;

    IntKeyTable(int expected) {
        int cap = Text.capacityFor(expected);
        keys = new int[cap];
        heads = new int[cap];
        mask = cap - 1;
        filter = new KeyFilter(expected);
    }

    /** Puts the indicator at the head of the key's chain; returns the previous head (or -1). */
    int put(int key, int indicator) {
        long m = Text.mix(key);
        filter.add(m);
        int slot = (int) m & mask;
        while (heads[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
        int previous = heads[slot] - 1;
        if (heads[slot] == 0) size++;
        keys[slot] = key;
        heads[slot] = indicator + 1;
        return previous;
    }

    /** The head indicator for the key, or -1. */
    int get(int key) {
        long m = Text.mix(key);
        if (!filter.mightContain(m)) return -1;
        int slot = (int) m & mask;
        int h;
        while ((h = heads[slot]) != 0) {
            if (keys[slot] == key) return h - 1;
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int size() {
        return size;
    }

    long bytes() {
        return 8L * keys.length + filter.bytes();
    }
}
