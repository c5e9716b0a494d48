package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A pointer to non-STIX information (ATT&CK ids, CVEs, reports).
 * At least one of description, url or external_id is required by the spec.
 *
 * @param other properties this record does not model (kept for lossless round trips)
 */
public record ExternalReference(String sourceName, String description, String url, Map<String, String> hashes,
                                String externalId, Map<String, JsonNode> other) {
    public ExternalReference {
        if (sourceName == null || sourceName.isBlank()) throw new IllegalArgumentException("external reference needs a source_name");
        hashes = hashes == null ? null : Collections2.copyOf(hashes);
        other = Collections2.copyOfOther(other);
    }

    /** The common ATT&CK-style reference: source, external id and url. */
    public static ExternalReference of(String sourceName, String externalId, String url) {
        return new ExternalReference(sourceName, null, url, null, externalId, null);
    }
}
