package kahu.detect.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The encoding modifiers. Encoded values are carried as Java strings of bytes (one char per
 * byte, ISO-8859-1) so that {@code wide|base64offset} chains work, as in the specification.
 */
final class Encodings {
    private Encodings() {}

    static String utf16le(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1);
    }

    static String utf16be(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1);
    }

    /** {@code utf16}: UTF-16 with a little-endian byte order mark. */
    static String utf16(String s) {
        return "\u00ff\u00fe" + utf16le(s);
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(bytes(s));
    }

    /**
     * {@code base64offset}: the three encodings of the value at byte offsets 0, 1 and 2 in a
     * longer string, each cut to the characters that do not depend on the unknown neighbours.
     */
    static List<String> base64offset(String s) {
        byte[] value = bytes(s);
        int[] startCut = {0, 2, 3};
        int[] endCut = {0, 3, 2};
        List<String> out = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[i + value.length];
            for (int k = 0; k < i; k++) shifted[k] = ' ';
            System.arraycopy(value, 0, shifted, i, value.length);
            String enc = Base64.getEncoder().encodeToString(shifted);
            int cut = endCut[(value.length + i) % 3];
            // A value too short to leave any character that does not depend on its neighbours gives nothing.
            if (startCut[i] < enc.length() - cut) out.add(enc.substring(startCut[i], enc.length() - cut));
        }
        return out;
    }

    /** Text is UTF-8; a byte string from a previous encoding modifier stays as its bytes. */
    private static byte[] bytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) return s.getBytes(StandardCharsets.UTF_8);
        }
        boolean ascii = s.chars().allMatch(c -> c < 0x80);
        return ascii ? s.getBytes(StandardCharsets.US_ASCII) : s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The dashes Windows command lines accept for an option: hyphen, slash, en dash, em dash, horizontal bar. */
    static final String DASHES = "-/\u2013\u2014\u2015";

    /**
     * {@code windash}: every way of writing the value's option dashes (a {@code -} or {@code /} not
     * after a word character and before one, i.e. the start of an option). Capped because the
     * count grows as 5^n.
     */
    static List<String> windash(String s, int cap) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean optionStart = (i == 0 || !isWordChar(s.charAt(i - 1))) && i + 1 < s.length() && isWordChar(s.charAt(i + 1));
            if ((c == '-' || c == '/') && optionStart) at.add(i);
        }
        List<String> out = new ArrayList<>();
        out.add(s);
        for (int pos : at) {
            List<String> next = new ArrayList<>();
            for (String v : out) {
                for (int d = 0; d < DASHES.length(); d++) {
                    char[] cs = v.toCharArray();
                    cs[pos] = DASHES.charAt(d);
                    next.add(new String(cs));
                }
            }
            out = next;
            if (out.size() > cap) throw new IllegalArgumentException("windash gives more than " + cap + " variants");
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
