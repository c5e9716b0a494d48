package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code note}: Analyst commentary attached to objects.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Note(
        CommonProperties common,
        String abstractText,
        String content,
        List<String> authors,
        List<String> objectRefs,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "note";

    public Note {
        Checks.requireType(common, TYPE);
        authors = Collections2.copyOf(authors);
        objectRefs = Collections2.copyOf(objectRefs);
        other = Collections2.copyOfOther(other);
    }
}
