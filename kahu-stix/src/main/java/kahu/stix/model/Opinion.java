package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code opinion}: An assessment of the correctness of other objects.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Opinion(
        CommonProperties common,
        String explanation,
        List<String> authors,
        String opinion,
        List<String> objectRefs,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "opinion";

    public Opinion {
        Checks.requireType(common, TYPE);
        authors = Collections2.copyOf(authors);
        objectRefs = Collections2.copyOf(objectRefs);
        other = Collections2.copyOfOther(other);
    }
}
