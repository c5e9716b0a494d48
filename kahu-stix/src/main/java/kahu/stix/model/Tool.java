package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code tool}: Legitimate software that adversaries use.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Tool(
        CommonProperties common,
        String name,
        String description,
        List<String> toolTypes,
        List<String> aliases,
        List<KillChainPhase> killChainPhases,
        String toolVersion,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "tool";

    public Tool {
        Checks.requireType(common, TYPE);
        toolTypes = Collections2.copyOf(toolTypes);
        aliases = Collections2.copyOf(aliases);
        killChainPhases = Collections2.copyOf(killChainPhases);
        other = Collections2.copyOfOther(other);
    }
}
