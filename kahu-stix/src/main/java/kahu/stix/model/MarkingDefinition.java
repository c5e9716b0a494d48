package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code marking-definition}: A data marking (TLP, statement, or extension-defined).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record MarkingDefinition(
        CommonProperties common,
        String name,
        String definitionType,
        JsonNode definition,
        Map<String, JsonNode> other) implements MetaObject {
    public static final String TYPE = "marking-definition";

    public MarkingDefinition {
        Checks.requireType(common, TYPE);
        definition = definition == null ? null : definition.deepCopy();
        other = Collections2.copyOfOther(other);
    }
}
