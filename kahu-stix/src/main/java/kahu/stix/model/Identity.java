package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code identity}: An individual, organisation or group.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Identity(
        CommonProperties common,
        String name,
        String description,
        List<String> roles,
        String identityClass,
        List<String> sectors,
        String contactInformation,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "identity";

    public Identity {
        Checks.requireType(common, TYPE);
        roles = Collections2.copyOf(roles);
        sectors = Collections2.copyOf(sectors);
        other = Collections2.copyOfOther(other);
    }
}
