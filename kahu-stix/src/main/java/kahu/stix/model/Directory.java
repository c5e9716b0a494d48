package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code directory}: A file-system directory.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Directory(
        CommonProperties common,
        String path,
        String pathEnc,
        StixTimestamp ctime,
        StixTimestamp mtime,
        StixTimestamp atime,
        List<String> containsRefs,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "directory";

    public Directory {
        Checks.requireType(common, TYPE);
        containsRefs = Collections2.copyOf(containsRefs);
        other = Collections2.copyOfOther(other);
    }
}
