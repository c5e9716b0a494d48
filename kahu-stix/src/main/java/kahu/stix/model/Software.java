package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code software}: A software product.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Software(
        CommonProperties common,
        String name,
        String cpe,
        String swid,
        List<String> languages,
        String vendor,
        String version,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "software";

    public Software {
        Checks.requireType(common, TYPE);
        languages = Collections2.copyOf(languages);
        other = Collections2.copyOfOther(other);
    }
}
