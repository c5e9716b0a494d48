package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code infrastructure}: Systems and services used by (or against) an adversary.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Infrastructure(
        CommonProperties common,
        String name,
        String description,
        List<String> infrastructureTypes,
        List<String> aliases,
        List<KillChainPhase> killChainPhases,
        StixTimestamp firstSeen,
        StixTimestamp lastSeen,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "infrastructure";

    public Infrastructure {
        Checks.requireType(common, TYPE);
        infrastructureTypes = Collections2.copyOf(infrastructureTypes);
        aliases = Collections2.copyOf(aliases);
        killChainPhases = Collections2.copyOf(killChainPhases);
        other = Collections2.copyOfOther(other);
    }
}
