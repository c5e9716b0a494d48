package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code relationship}: A typed link from source_ref to target_ref.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Relationship(
        CommonProperties common,
        String relationshipType,
        String description,
        String sourceRef,
        String targetRef,
        StixTimestamp startTime,
        StixTimestamp stopTime,
        Map<String, JsonNode> other) implements RelationshipObject {
    public static final String TYPE = "relationship";

    public Relationship {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
