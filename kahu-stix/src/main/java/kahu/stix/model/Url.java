package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code url}: A uniform resource locator.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Url(
        CommonProperties common,
        String value,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "url";

    public Url {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
