package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code incident}: A security incident (a stub type in STIX 2.1).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Incident(
        CommonProperties common,
        String name,
        String description,
        List<KillChainPhase> killChainPhases,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "incident";

    public Incident {
        Checks.requireType(common, TYPE);
        killChainPhases = Collections2.copyOf(killChainPhases);
        other = Collections2.copyOfOther(other);
    }
}
