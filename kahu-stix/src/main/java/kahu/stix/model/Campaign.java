package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code campaign}: A set of adversary behaviour over a period against specific targets.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Campaign(
        CommonProperties common,
        String name,
        String description,
        List<String> aliases,
        StixTimestamp firstSeen,
        StixTimestamp lastSeen,
        String objective,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "campaign";

    public Campaign {
        Checks.requireType(common, TYPE);
        aliases = Collections2.copyOf(aliases);
        other = Collections2.copyOfOther(other);
    }
}
