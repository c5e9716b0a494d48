package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code artifact}: Binary content, inline (base64) or by URL.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Artifact(
        CommonProperties common,
        String mimeType,
        String payloadBin,
        String url,
        Map<String, String> hashes,
        String encryptionAlgorithm,
        String decryptionKey,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "artifact";

    public Artifact {
        Checks.requireType(common, TYPE);
        hashes = Collections2.copyOf(hashes);
        other = Collections2.copyOfOther(other);
    }
}
