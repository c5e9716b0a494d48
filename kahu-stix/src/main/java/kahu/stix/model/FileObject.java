package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code file}: A file (named FileObject to keep clear of java.io.File).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record FileObject(
        CommonProperties common,
        Map<String, String> hashes,
        Long size,
        String name,
        String nameEnc,
        String magicNumberHex,
        String mimeType,
        StixTimestamp ctime,
        StixTimestamp mtime,
        StixTimestamp atime,
        String parentDirectoryRef,
        List<String> containsRefs,
        String contentRef,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "file";

    public FileObject {
        Checks.requireType(common, TYPE);
        hashes = Collections2.copyOf(hashes);
        containsRefs = Collections2.copyOf(containsRefs);
        other = Collections2.copyOfOther(other);
    }
}
