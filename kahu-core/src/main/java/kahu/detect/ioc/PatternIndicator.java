package kahu.detect.ioc;

import java.time.Instant;

/**
 * A STIX indicator whose pattern is more than equalities (AND, LIKE, qualifiers, …): kept compiled for
 * {@link PatternEvaluator}, with the same provenance as an {@link Indicator}.
 */
public record PatternIndicator(String id, String name, String patternText, Pattern pattern, String source, String actorKey,
                               Instant validFrom, Instant validUntil) {}
