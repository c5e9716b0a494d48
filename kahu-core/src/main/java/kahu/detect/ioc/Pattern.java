package kahu.detect.ioc;

import java.time.Instant;

/**
 * A STIX pattern: observation expressions joined by the observation operators and restricted by
 * qualifiers (STIX 2.1 section 9). Precedence, loosest first: FOLLOWEDBY, OR, AND; qualifiers bind to
 * the observation expression they follow.
 */
public sealed interface Pattern {

    /** {@code [ comparison ]}: true on one observation. */
    record Observation(Comparison comparison) implements Pattern {}

    /** Both sides are matched, by the same or by different observations. */
    record And(Pattern left, Pattern right) implements Pattern {}

    record Or(Pattern left, Pattern right) implements Pattern {}

    /** Every observation matching {@code left} comes no later than every observation matching {@code right}. */
    record FollowedBy(Pattern left, Pattern right) implements Pattern {}

    /** All observations of one match fall within {@code seconds} of each other. */
    record Within(Pattern pattern, double seconds) implements Pattern {}

    /** The pattern matches {@code times} times over distinct observations. */
    record Repeats(Pattern pattern, int times) implements Pattern {}

    /** All observations of one match lie in [start, stop). */
    record StartStop(Pattern pattern, Instant start, Instant stop) implements Pattern {}
}
