package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code language-content}: Translations of another object's text properties.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record LanguageContent(
        CommonProperties common,
        String objectRef,
        StixTimestamp objectModified,
        JsonNode contents,
        Map<String, JsonNode> other) implements MetaObject {
    public static final String TYPE = "language-content";

    public LanguageContent {
        Checks.requireType(common, TYPE);
        contents = contents == null ? null : contents.deepCopy();
        other = Collections2.copyOfOther(other);
    }
}
