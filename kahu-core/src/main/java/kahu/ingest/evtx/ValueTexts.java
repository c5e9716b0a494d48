package kahu.ingest.evtx;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Renders typed substitution values (libevtx documentation, "Value types") as text. The renderings follow
 * the JSON of the Sigma regression data (produced by evtx_dump), which is what the Sigma rules were tested
 * against: GUIDs upper case without braces, FILETIMEs as ISO-8601 with microseconds, hex integers as
 * lower-case {@code 0x…}, binary as upper-case hex, strings without trailing NULs and white space (Windows pads
 * some values, e.g. {@code LogonProcessName} and Sysmon's {@code ParentCommandLine} of cmd.exe).
 */
final class ValueTexts {
    static final int NULL = 0x00, STRING = 0x01, ANSI_STRING = 0x02, INT8 = 0x03, UINT8 = 0x04, INT16 = 0x05,
            UINT16 = 0x06, INT32 = 0x07, UINT32 = 0x08, INT64 = 0x09, UINT64 = 0x0a, REAL32 = 0x0b, REAL64 = 0x0c,
            BOOL = 0x0d, BINARY = 0x0e, GUID = 0x0f, SIZE_T = 0x10, FILETIME = 0x11, SYSTEMTIME = 0x12, SID = 0x13,
            HEX_INT32 = 0x14, HEX_INT64 = 0x15, BINXML = 0x21, ARRAY = 0x80;

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private ValueTexts() {}

    /** A scalar or array value of {@code size} bytes at {@code off}; never binary XML (the parser handles that). */
    static BinXmlValue decode(byte[] b, int off, int size, int type) {
        LittleEndian.check(b, off, size);
        if (type == NULL || size == 0) return BinXmlValue.Null.INSTANCE;
        if ((type & ARRAY) != 0) return new BinXmlValue.TextList(array(b, off, size, type & ~ARRAY));
        return new BinXmlValue.Text(scalar(b, off, size, type));
    }

    static String scalar(byte[] b, int off, int size, int type) {
        return switch (type) {
            case STRING -> trimEnd(new String(b, off, size & ~1, StandardCharsets.UTF_16LE));
            case ANSI_STRING -> trimEnd(new String(b, off, size, StandardCharsets.ISO_8859_1));
            case INT8 -> Integer.toString(b[off]);
            case UINT8 -> Integer.toString(b[off] & 0xff);
            case INT16 -> Integer.toString((short) LittleEndian.u16(b, off));
            case UINT16 -> Integer.toString(LittleEndian.u16(b, off));
            case INT32 -> Integer.toString(LittleEndian.i32(b, off));
            case UINT32 -> Long.toString(LittleEndian.u32(b, off));
            case INT64 -> Long.toString(LittleEndian.i64(b, off));
            case UINT64 -> Long.toUnsignedString(LittleEndian.i64(b, off));
            case REAL32 -> real(Float.intBitsToFloat(LittleEndian.i32(b, off)));
            case REAL64 -> real(Double.longBitsToDouble(LittleEndian.i64(b, off)));
            case BOOL -> LittleEndian.i32(b, off) != 0 ? "true" : "false";
            case BINARY -> UPPER_HEX.formatHex(b, off, off + size);
            case GUID -> guid(b, off);
            case SIZE_T, HEX_INT32, HEX_INT64 -> "0x" + Long.toHexString(size >= 8 ? LittleEndian.i64(b, off) : LittleEndian.u32(b, off));
            case FILETIME -> iso(Filetime.toInstant(LittleEndian.i64(b, off)));
            case SYSTEMTIME -> systemTime(b, off);
            case SID -> sid(b, off, size);
            default -> UPPER_HEX.formatHex(b, off, off + size); // EvtHandle, EvtXml, unknown: keep the bytes visible
        };
    }

    static String iso(Instant t) {
        return MICROS.format(t);
    }

    private static List<String> array(byte[] b, int off, int size, int type) {
        List<String> items = new ArrayList<>();
        if (type == STRING || type == ANSI_STRING) {
            // Each element ends with a NUL character; the last NUL is not a separator before an empty element.
            String all = type == STRING ? new String(b, off, size & ~1, StandardCharsets.UTF_16LE)
                                        : new String(b, off, size, StandardCharsets.ISO_8859_1);
            int start = 0;
            for (int i = 0; i < all.length(); i++) {
                if (all.charAt(i) == 0) { items.add(all.substring(start, i)); start = i + 1; }
            }
            if (start < all.length()) items.add(all.substring(start));
            return items;
        }
        int width = switch (type) {
            case INT8, UINT8 -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, REAL32, BOOL, HEX_INT32 -> 4;
            case INT64, UINT64, REAL64, FILETIME, HEX_INT64 -> 8;
            case GUID, SYSTEMTIME -> 16;
            case SIZE_T -> size % 8 == 0 ? 8 : 4;
            default -> throw new EvtxFormatException("array of value type 0x%02x is not supported".formatted(type));
        };
        for (int p = off; p + width <= off + size; p += width) items.add(scalar(b, p, width, type));
        return items;
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == 0 || Character.isWhitespace(s.charAt(end - 1)))) end--;
        return end == s.length() ? s : s.substring(0, end);
    }

    private static String real(double d) {
        String s = Double.toString(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String real(float f) {
        String s = Float.toString(f);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String guid(byte[] b, int off) {
        LittleEndian.check(b, off, 16);
        StringBuilder s = new StringBuilder(36);
        hex(s, LittleEndian.u32(b, off), 8).append('-');
        hex(s, LittleEndian.u16(b, off + 4), 4).append('-');
        hex(s, LittleEndian.u16(b, off + 6), 4).append('-');
        for (int i = 8; i < 16; i++) {
            if (i == 10) s.append('-');
            hex(s, b[off + i] & 0xff, 2);
        }
        return s.toString();
    }

    private static StringBuilder hex(StringBuilder s, long v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) s.append(Character.toUpperCase(Character.forDigit((int) (v >>> shift) & 0xf, 16)));
        return s;
    }

    private static String systemTime(byte[] b, int off) {
        int year = LittleEndian.u16(b, off), month = LittleEndian.u16(b, off + 2), day = LittleEndian.u16(b, off + 6);
        int hour = LittleEndian.u16(b, off + 8), minute = LittleEndian.u16(b, off + 10), second = LittleEndian.u16(b, off + 12);
        int millis = LittleEndian.u16(b, off + 14);
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03d000Z".formatted(year, month, day, hour, minute, second, millis);
    }

    /** Revision, sub-authority count, 48-bit big-endian identifier authority, then little-endian sub-authorities. */
    private static String sid(byte[] b, int off, int size) {
        if (size < 8) throw new EvtxFormatException("SID of " + size + " bytes is too short");
        int revision = b[off] & 0xff, count = b[off + 1] & 0xff;
        if (8 + 4 * count > size) throw new EvtxFormatException("SID claims " + count + " sub-authorities in " + size + " bytes");
        long authority = 0;
        for (int i = 2; i < 8; i++) authority = (authority << 8) | (b[off + i] & 0xff);
        StringBuilder s = new StringBuilder("S-").append(revision).append('-').append(authority);
        for (int i = 0; i < count; i++) s.append('-').append(LittleEndian.u32(b, off + 8 + 4 * i));
        return s.toString();
    }
}
