package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The properties every STIX object may carry (SDO/SRO/meta common properties plus the
 * SCO-only {@code defanged}). Absent properties are null; lists and maps are unmodifiable.
 *
 * @param extensions extension id (or 2.0-style name) → extension content, kept as JSON
 */
public record CommonProperties(
        String type,
        String id,
        String specVersion,
        StixTimestamp created,
        StixTimestamp modified,
        String createdByRef,
        Boolean revoked,
        List<String> labels,
        Integer confidence,
        String lang,
        List<ExternalReference> externalReferences,
        List<String> objectMarkingRefs,
        List<GranularMarking> granularMarkings,
        Map<String, JsonNode> extensions,
        Boolean defanged) {

    public CommonProperties {
        if (type == null || type.isBlank()) throw new IllegalArgumentException("type is required");
        if (id == null || !id.startsWith(type + "--"))
            throw new IllegalArgumentException("id must be '" + type + "--<uuid>', got " + id);
        labels = Collections2.copyOf(labels);
        externalReferences = Collections2.copyOf(externalReferences);
        objectMarkingRefs = Collections2.copyOf(objectMarkingRefs);
        granularMarkings = Collections2.copyOf(granularMarkings);
        extensions = extensions == null ? null : Collections2.copyOfOther(extensions);
    }

    /** The minimum for an SDO/SRO: type, id, spec 2.1, created = modified. */
    public static CommonProperties of(String type, String id, StixTimestamp created) {
        return new CommonProperties(type, id, "2.1", created, created, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** The minimum for a cyber observable: type, id, spec 2.1, no timestamps. */
    public static CommonProperties ofObservable(String type, String id) {
        return new CommonProperties(type, id, "2.1", null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public CommonProperties withId(String newId) {
        return new CommonProperties(type, newId, specVersion, created, modified, createdByRef, revoked, labels,
                confidence, lang, externalReferences, objectMarkingRefs, granularMarkings, extensions, defanged);
    }

    public CommonProperties withMarkings(List<String> markingRefs) {
        return new CommonProperties(type, id, specVersion, created, modified, createdByRef, revoked, labels,
                confidence, lang, externalReferences, markingRefs, granularMarkings, extensions, defanged);
    }

    public boolean isRevoked() {
        return Boolean.TRUE.equals(revoked);
    }
}
