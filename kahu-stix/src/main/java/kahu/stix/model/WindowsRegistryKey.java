package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code windows-registry-key}: A Windows registry key and its values.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record WindowsRegistryKey(
        CommonProperties common,
        String key,
        JsonNode values,
        StixTimestamp modifiedTime,
        String creatorUserRef,
        Long numberOfSubkeys,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "windows-registry-key";

    public WindowsRegistryKey {
        Checks.requireType(common, TYPE);
        values = values == null ? null : values.deepCopy();
        other = Collections2.copyOfOther(other);
    }
}
