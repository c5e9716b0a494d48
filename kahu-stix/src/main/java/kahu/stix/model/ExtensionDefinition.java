package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code extension-definition}: The definition of a STIX extension.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record ExtensionDefinition(
        CommonProperties common,
        String name,
        String description,
        String schema,
        String version,
        List<String> extensionTypes,
        List<String> extensionProperties,
        Map<String, JsonNode> other) implements MetaObject {
    public static final String TYPE = "extension-definition";

    public ExtensionDefinition {
        Checks.requireType(common, TYPE);
        extensionTypes = Collections2.copyOf(extensionTypes);
        extensionProperties = Collections2.copyOf(extensionProperties);
        other = Collections2.copyOfOther(other);
    }
}
