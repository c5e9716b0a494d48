package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code indicator}: A pattern that detects suspicious or malicious activity.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Indicator(
        CommonProperties common,
        String name,
        String description,
        List<String> indicatorTypes,
        String pattern,
        String patternType,
        String patternVersion,
        StixTimestamp validFrom,
        StixTimestamp validUntil,
        List<KillChainPhase> killChainPhases,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "indicator";

    public Indicator {
        Checks.requireType(common, TYPE);
        indicatorTypes = Collections2.copyOf(indicatorTypes);
        killChainPhases = Collections2.copyOf(killChainPhases);
        other = Collections2.copyOfOther(other);
    }
}
