package kahu.stix.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/** STIX identifiers: {@code type--uuid}. New SDO/SRO/meta/bundle ids are random (UUIDv4), as the spec recommends. */
public final class StixIds {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*-?");

    private StixIds() {}

    /** A fresh random identifier, e.g. {@code intrusion-set--6b5c…}. */
    public static String newId(String type) {
        requireType(type);
        return type + "--" + UUID.randomUUID();
    }

    /** {@code type--uuid} for a given UUID. */
    public static String of(String type, UUID uuid) {
        requireType(type);
        return type + "--" + uuid;
    }

    /** True when {@code id} is {@code type--<RFC 4122 uuid>}. */
    public static boolean isValid(String id, String type) {
        return id != null && id.startsWith(type + "--") && isUuid(id.substring(type.length() + 2));
    }

    /** True when {@code id} is {@code <some type>--<uuid>}. */
    public static boolean isValid(String id) {
        if (id == null) return false;
        int sep = id.indexOf("--");
        return sep > 0 && TYPE.matcher(id.substring(0, sep)).matches() && isUuid(id.substring(sep + 2));
    }

    /** The type part of an identifier, or null when it has none. */
    public static String typeOf(String id) {
        int sep = id == null ? -1 : id.indexOf("--");
        return sep > 0 ? id.substring(0, sep) : null;
    }

    static boolean isUuid(String s) {
        // The spec asks for RFC 4122 UUIDs. Upper-case hex is accepted because OASIS's own examples
        // (infrastructure.json) and schemas allow it; Kahu itself only writes lower case.
        return UUID_TEXT.matcher(s).matches();
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    public static UUID uuidV5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
            h[8] = (byte) ((h[8] & 0x3f) | 0x80); // IETF variant
            long msb = 0, lsb = 0;
            for (int i = 0; i < 8; i++) msb = (msb << 8) | (h[i] & 0xff);
            for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (h[i] & 0xff);
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        long msb = u.getMostSignificantBits(), lsb = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) b[i] = (byte) (msb >>> (56 - 8 * i));
        for (int i = 0; i < 8; i++) b[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        return b;
    }

    private static void requireType(String type) {
        if (type == null || !TYPE.matcher(type).matches())
            throw new IllegalArgumentException("not a STIX type name: " + type);
    }
}
