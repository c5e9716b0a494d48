package kahu.detect.ioc;

import java.time.Instant;
import java.util.Objects;

/**
 * One equality indicator and where it came from.
 *
 * @param value      as the source gave it (validated against the type; normalised when indexed)
 * @param source     the feed, e.g. {@code MSTICIoCs-….csv:17}, {@code stix:indicator--…}, {@code misp:event-uuid},
 *                   {@code kb:apt40}
 * @param actorKey   the knowledge-base actor it points to, or null when the source names none
 * @param validFrom  null when open
 * @param validUntil null when open-ended
 */
public record Indicator(IndicatorType type, String value, String source, String actorKey, Instant validFrom, Instant validUntil) {
    public Indicator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        type.normalise(value); // fail here, with the reason, rather than silently never matching
    }

    public static Indicator of(IndicatorType type, String value, String source) {
        return new Indicator(type, value, source, null, null, null);
    }

    /** Whether the indicator was in force at the given time (an unknown time counts as in force). */
    public boolean validAt(Instant t) {
        if (t == null) return true;
        return (validFrom == null || !t.isBefore(validFrom)) && (validUntil == null || t.isBefore(validUntil));
    }
}
