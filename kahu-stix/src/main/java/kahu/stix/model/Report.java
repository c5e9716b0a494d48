package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code report}: A published collection of threat intelligence.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Report(
        CommonProperties common,
        String name,
        String description,
        List<String> reportTypes,
        StixTimestamp published,
        List<String> objectRefs,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "report";

    public Report {
        Checks.requireType(common, TYPE);
        reportTypes = Collections2.copyOf(reportTypes);
        objectRefs = Collections2.copyOf(objectRefs);
        other = Collections2.copyOfOther(other);
    }
}
