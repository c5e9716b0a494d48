package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code ipv4-addr}: One IPv4 address or CIDR block.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Ipv4Addr(
        CommonProperties common,
        String value,
        List<String> resolvesToRefs,
        List<String> belongsToRefs,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "ipv4-addr";

    public Ipv4Addr {
        Checks.requireType(common, TYPE);
        resolvesToRefs = Collections2.copyOf(resolvesToRefs);
        belongsToRefs = Collections2.copyOf(belongsToRefs);
        other = Collections2.copyOfOther(other);
    }
}
