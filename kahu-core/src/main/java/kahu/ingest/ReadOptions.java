package kahu.ingest;

import java.time.Year;

/**
 * Reader settings.
 *
 * @param maxLineBytes       longest line (or JSON string) accepted; longer lines are skipped without being held in memory
 * @param syslogYear         year for RFC 3164 timestamps, which carry none; null means the current UTC year (the previous
 *                           one when that would put a line in the future)
 * @param maxProblemsPerFile skipped records listed one by one per file; the rest are counted and summed up in one
 *                           last problem, so a file read in the wrong format does not bury everything else
 */
public record ReadOptions(int maxLineBytes, Year syslogYear, int maxProblemsPerFile) {
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_PROBLEMS_PER_FILE = 1000;
    public static final ReadOptions DEFAULTS = new ReadOptions(DEFAULT_MAX_LINE_BYTES, null, DEFAULT_MAX_PROBLEMS_PER_FILE);

    public ReadOptions {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        if (maxProblemsPerFile < 1) throw new IllegalArgumentException("maxProblemsPerFile must be positive: " + maxProblemsPerFile);
    }

    public ReadOptions withMaxLineBytes(int max) {
        return new ReadOptions(max, syslogYear, maxProblemsPerFile);
    }

    public ReadOptions withSyslogYear(Year year) {
        return new ReadOptions(maxLineBytes, year, maxProblemsPerFile);
    }

    public ReadOptions withMaxProblemsPerFile(int max) {
        return new ReadOptions(maxLineBytes, syslogYear, max);
    }
}
