package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code domain-name}: A network domain name.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record DomainName(
        CommonProperties common,
        String value,
        List<String> resolvesToRefs,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "domain-name";

    public DomainName {
        Checks.requireType(common, TYPE);
        resolvesToRefs = Collections2.copyOf(resolvesToRefs);
        other = Collections2.copyOfOther(other);
    }
}
