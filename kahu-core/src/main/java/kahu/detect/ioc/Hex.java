package kahu.detect.ioc;

/** Hex digits packed into 64-bit words, 16 digits a word, the last word left-aligned. */
final class Hex {
    private Hex() {}

    /** Word {@code w} of the hex string s[start, start + length); 0 past the end. */
    static long word(CharSequence s, int start, int w, int length) {
        int from = w * 16;
        if (from >= length) return 0;
        long v = 0;
        for (int i = from; i < from + 16; i++) {
            v <<= 4;
            if (i < length) v |= Character.digit(s.charAt(start + i), 16);
        }
        return v;
    }

    static long word(String hex, int w, int length) {
        return word(hex, 0, w, length);
    }
}
