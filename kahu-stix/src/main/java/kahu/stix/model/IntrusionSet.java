package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code intrusion-set}: Grouped adversarial behaviour believed to be run by one organisation (an ATT&CK group).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record IntrusionSet(
        CommonProperties common,
        String name,
        String description,
        List<String> aliases,
        StixTimestamp firstSeen,
        StixTimestamp lastSeen,
        List<String> goals,
        String resourceLevel,
        String primaryMotivation,
        List<String> secondaryMotivations,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "intrusion-set";

    public IntrusionSet {
        Checks.requireType(common, TYPE);
        aliases = Collections2.copyOf(aliases);
        goals = Collections2.copyOf(goals);
        secondaryMotivations = Collections2.copyOf(secondaryMotivations);
        other = Collections2.copyOfOther(other);
    }
}
