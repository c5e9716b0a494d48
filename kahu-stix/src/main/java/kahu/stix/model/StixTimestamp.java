package kahu.stix.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A STIX timestamp ({@code YYYY-MM-DDTHH:mm:ss[.s+]Z}, always UTC) that remembers how many
 * fraction digits it was written with, so "…35.810Z" and "…35Z" are written back byte-identical.
 * Two timestamps for the same instant with different precision are different values (they
 * serialise differently); use {@link #instant()} to compare points in time.
 *
 * @param instant        the point in time
 * @param fractionDigits digits after the seconds' dot, 0 (no dot) to 9
 */
public record StixTimestamp(Instant instant, int fractionDigits) implements Comparable<StixTimestamp> {
    /** The STIX timestamp grammar: UTC only, 'Z' upper case, fraction optional. */
    private static final Pattern FORMAT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    public StixTimestamp {
        if (instant == null) throw new IllegalArgumentException("timestamp instant is null");
        if (fractionDigits < 0 || fractionDigits > 9)
            throw new IllegalArgumentException("fraction digits must be 0..9, got " + fractionDigits);
        if (instant.getNano() % pow10(9 - fractionDigits) != 0)
            throw new IllegalArgumentException(instant + " has more precision than " + fractionDigits + " fraction digits");
    }

    /** Millisecond precision, the form STIX producers use most and the spec requires for created/modified. */
    public static StixTimestamp ofMillis(Instant instant) {
        return new StixTimestamp(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), 3);
    }

    /** Now, at millisecond precision. */
    public static StixTimestamp now() {
        return ofMillis(Instant.now());
    }

    public static boolean isValid(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) return false;
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Parses a STIX timestamp; throws IllegalArgumentException naming the bad text. */
    public static StixTimestamp parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches())
            throw new IllegalArgumentException("not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z): " + text);
        int dot = text.indexOf('.');
        int digits = dot < 0 ? 0 : text.length() - 1 - dot - 1;
        try {
            // LocalDateTime + UTC avoids Instant.parse's leniency about offsets.
            LocalDateTime local = LocalDateTime.parse(text.substring(0, text.length() - 1));
            return new StixTimestamp(local.toInstant(ZoneOffset.UTC), digits);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid date/time: " + text, e);
        }
    }

    /** The STIX text, with exactly {@link #fractionDigits()} digits after the dot. */
    @Override
    public String toString() {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(30);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        if (fractionDigits > 0) {
            sb.append('.');
            pad(sb, instant.getNano() / pow10(9 - fractionDigits), fractionDigits);
        }
        return sb.append('Z').toString();
    }

    @Override
    public int compareTo(StixTimestamp o) {
        return instant.compareTo(o.instant);
    }

    public boolean isBefore(StixTimestamp o) {
        return instant.isBefore(o.instant);
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) sb.append('0');
        return sb.append(s);
    }

    private static int pow10(int n) {
        int r = 1;
        for (int i = 0; i < n; i++) r *= 10;
        return r;
    }
}
