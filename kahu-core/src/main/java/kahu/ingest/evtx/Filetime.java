package kahu.ingest.evtx;

import java.time.Instant;

/** Windows FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
final class Filetime {
    private static final long SECONDS_1601_TO_1970 = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private Filetime() {}

    static Instant toInstant(long filetime) {
        long seconds = Long.divideUnsigned(filetime, TICKS_PER_SECOND) - SECONDS_1601_TO_1970;
        long ticks = Long.remainderUnsigned(filetime, TICKS_PER_SECOND);
        return Instant.ofEpochSecond(seconds, ticks * 100);
    }
}
