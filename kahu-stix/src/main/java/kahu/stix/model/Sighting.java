package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code sighting}: The belief that something (indicator, malware, …) was seen.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Sighting(
        CommonProperties common,
        String description,
        StixTimestamp firstSeen,
        StixTimestamp lastSeen,
        Long count,
        String sightingOfRef,
        List<String> observedDataRefs,
        List<String> whereSightedRefs,
        Boolean summary,
        Map<String, JsonNode> other) implements RelationshipObject {
    public static final String TYPE = "sighting";

    public Sighting {
        Checks.requireType(common, TYPE);
        observedDataRefs = Collections2.copyOf(observedDataRefs);
        whereSightedRefs = Collections2.copyOf(whereSightedRefs);
        other = Collections2.copyOfOther(other);
    }
}
