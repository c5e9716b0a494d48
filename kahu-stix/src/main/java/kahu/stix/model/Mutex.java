package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code mutex}: A mutual-exclusion object.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Mutex(
        CommonProperties common,
        String name,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "mutex";

    public Mutex {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
