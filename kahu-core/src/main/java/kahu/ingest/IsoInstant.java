package kahu.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#parse} and {@link Instant#toString} for the one shape logs almost always use,
 * {@code 2021-03-02T07:11:03.531Z}, without {@link java.time.format.DateTimeFormatter}: parsing and printing
 * through it took about 5 % of a scan (every Exchange and JSON event is parsed, and every event's
 * {@code @timestamp} printed). Anything else (offsets, lower-case letters, leap seconds, years outside
 * 0000–9999) goes to the JDK, so results are the JDK's exactly.
 */
final class IsoInstant {
    private IsoInstant() {}

    /** As {@link Instant#parse}: the same instant, or the same exception. */
    static Instant parse(String s) {
        Instant fast = parseUtc(s);
        return fast != null ? fast : Instant.parse(s);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with 1–9 fraction digits, or null when the text has another shape. */
    static Instant parseUtc(String s) {
        int len = s.length();
        if (len < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(len - 1) != 'Z') return null;
        int year = W3cLogReader.digits(s, 0, 4), month = W3cLogReader.digits(s, 5, 2), day = W3cLogReader.digits(s, 8, 2);
        int hour = W3cLogReader.digits(s, 11, 2), minute = W3cLogReader.digits(s, 14, 2), second = W3cLogReader.digits(s, 17, 2);
        if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
        int nanos = 0;
        if (len > 20) {
            int digits = len - 21;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) return null;
            int f = W3cLogReader.digits(s, 20, digits);
            if (f < 0) return null;
            for (int i = digits; i < 9; i++) f *= 10;
            nanos = f;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalid) {
            return null; // 30 February and the like: the JDK says why
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** As {@link Instant#toString()}. */
    static String format(Instant t) {
        long seconds = t.getEpochSecond();
        // 0000-01-01 to 9999-12-31: four-digit years, printed as the JDK does; others are left to it.
        if (seconds < -62_167_219_200L || seconds > 253_402_300_799L) return t.toString();
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(30);
        pad(b, d.getYear(), 4).append('-');
        pad(b, d.getMonthValue(), 2).append('-');
        pad(b, d.getDayOfMonth(), 2).append('T');
        pad(b, d.getHour(), 2).append(':');
        pad(b, d.getMinute(), 2).append(':');
        pad(b, d.getSecond(), 2);
        int nano = t.getNano();
        if (nano > 0) {
            b.append('.');
            if (nano % 1_000_000 == 0) pad(b, nano / 1_000_000, 3);
            else if (nano % 1000 == 0) pad(b, nano / 1000, 6);
            else pad(b, nano, 9);
        }
        return b.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder b, int v, int width) {
        String digits = Integer.toString(v);
        for (int i = digits.length(); i < width; i++) b.append('0');
        return b.append(digits);
    }
}
