package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code location}: A geographic location.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Location(
        CommonProperties common,
        String name,
        String description,
        Double latitude,
        Double longitude,
        Double precision,
        String region,
        String country,
        String administrativeArea,
        String city,
        String streetAddress,
        String postalCode,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "location";

    public Location {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
