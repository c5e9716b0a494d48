package kahu.correlate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids from content, so that the same input always gives the same stored rows. */
final class Ids {
    private Ids() {}

    /** The first {@code bytes} bytes of SHA-256 of {@code text}, in hex. */
    static String sha256Hex(String text, int bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
