package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code threat-actor}: Individuals or groups believed to act with malicious intent.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record ThreatActor(
        CommonProperties common,
        String name,
        String description,
        List<String> threatActorTypes,
        List<String> aliases,
        StixTimestamp firstSeen,
        StixTimestamp lastSeen,
        List<String> roles,
        List<String> goals,
        String sophistication,
        String resourceLevel,
        String primaryMotivation,
        List<String> secondaryMotivations,
        List<String> personalMotivations,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "threat-actor";

    public ThreatActor {
        Checks.requireType(common, TYPE);
        threatActorTypes = Collections2.copyOf(threatActorTypes);
        aliases = Collections2.copyOf(aliases);
        roles = Collections2.copyOf(roles);
        goals = Collections2.copyOf(goals);
        secondaryMotivations = Collections2.copyOf(secondaryMotivations);
        personalMotivations = Collections2.copyOf(personalMotivations);
        other = Collections2.copyOfOther(other);
    }
}
