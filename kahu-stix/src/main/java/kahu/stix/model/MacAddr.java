package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code mac-addr}: A MAC address (lower case, colon separated).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record MacAddr(
        CommonProperties common,
        String value,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "mac-addr";

    public MacAddr {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
