package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * An object Kahu holds without a dedicated record: {@code x-…} custom types (e.g. ATT&CK's
 * {@code x-mitre-tactic}) and the few standard types not modelled yet (email-message,
 * malware-analysis). Common properties are parsed; everything else stays JSON.
 */
public record CustomObject(CommonProperties common, Map<String, JsonNode> other) implements StixObject {
    public CustomObject {
        if (common == null) throw new IllegalArgumentException("common properties are required");
        other = Collections2.copyOfOther(other);
    }

    public boolean isCustomType() {
        return common.type().startsWith("x-");
    }
}
