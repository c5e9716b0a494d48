package kahu.detect.sigma;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A correlation rule that fired for one group.
 *
 * @param group   the group-by names and the values they had
 * @param matches the base-rule matches that made it (from chained correlations too)
 */
public record CorrelationMatch(SigmaCorrelation correlation, Map<String, String> group, Instant first, Instant last,
                               List<SigmaMatch> matches) {
    public CorrelationMatch {
        group = Map.copyOf(group);
        matches = List.copyOf(matches);
    }
}
