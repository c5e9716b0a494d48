package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code autonomous-system}: An autonomous system (AS number).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record AutonomousSystem(
        CommonProperties common,
        Long number,
        String name,
        String rir,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "autonomous-system";

    public AutonomousSystem {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
