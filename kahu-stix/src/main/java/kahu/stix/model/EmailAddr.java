package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code email-addr}: An email address.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record EmailAddr(
        CommonProperties common,
        String value,
        String displayName,
        String belongsToRef,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "email-addr";

    public EmailAddr {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
