package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code observed-data}: Raw observations: what was seen, when and how often.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record ObservedData(
        CommonProperties common,
        StixTimestamp firstObserved,
        StixTimestamp lastObserved,
        Long numberObserved,
        List<String> objectRefs,
        JsonNode objects,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "observed-data";

    public ObservedData {
        Checks.requireType(common, TYPE);
        objectRefs = Collections2.copyOf(objectRefs);
        objects = objects == null ? null : objects.deepCopy();
        other = Collections2.copyOfOther(other);
    }
}
