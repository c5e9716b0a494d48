package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code attack-pattern}: A way adversaries try to compromise targets (an ATT&CK technique).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record AttackPattern(
        CommonProperties common,
        String name,
        String description,
        List<String> aliases,
        List<KillChainPhase> killChainPhases,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "attack-pattern";

    public AttackPattern {
        Checks.requireType(common, TYPE);
        aliases = Collections2.copyOf(aliases);
        killChainPhases = Collections2.copyOf(killChainPhases);
        other = Collections2.copyOfOther(other);
    }
}
