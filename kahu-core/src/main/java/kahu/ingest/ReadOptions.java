package kahu.ingest;

import java.time.Year;

/**
 * Reader settings.
 *
 * @param maxLineBytes longest line (or JSON record) accepted; longer ones are skipped without being held in memory
 * @param syslogYear   year for RFC 3164 timestamps, which carry none; null means the current UTC year (the previous one
 *                     when that would put a line in the future)
 */
public record ReadOptions(int maxLineBytes, Year syslogYear) {
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    public static final ReadOptions DEFAULTS = new ReadOptions(DEFAULT_MAX_LINE_BYTES, null);

    public ReadOptions {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }

    public ReadOptions withMaxLineBytes(int max) {
        return new ReadOptions(max, syslogYear);
    }

    public ReadOptions withSyslogYear(Year year) {
        return new ReadOptions(maxLineBytes, year);
    }
}
