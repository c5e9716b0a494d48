package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code grouping}: Objects asserted to be related, with a shared context.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Grouping(
        CommonProperties common,
        String name,
        String description,
        String context,
        List<String> objectRefs,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "grouping";

    public Grouping {
        Checks.requireType(common, TYPE);
        objectRefs = Collections2.copyOf(objectRefs);
        other = Collections2.copyOfOther(other);
    }
}
