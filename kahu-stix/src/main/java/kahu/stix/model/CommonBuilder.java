package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import kahu.stix.id.StixIds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The common-property half of Kahu's validating builders. Defaults: a fresh UUIDv4 id,
 * created = now (millisecond precision), modified = created, spec_version 2.1. Every setter
 * checks its argument at once, so a mistake fails where it is made, with the property's name.
 */
public abstract class CommonBuilder<B extends CommonBuilder<B>> {
    private static final Pattern CUSTOM_PROPERTY = Pattern.compile("[a-z0-9_]{3,250}");

    private final String type;
    private String id;
    private StixTimestamp created;
    private StixTimestamp modified;
    private String createdByRef;
    private Boolean revoked;
    private List<String> labels;
    private Integer confidence;
    private String lang;
    private final List<ExternalReference> externalReferences = new ArrayList<>();
    private final List<String> markingRefs = new ArrayList<>();
    protected final Map<String, JsonNode> other = new LinkedHashMap<>();

    protected CommonBuilder(String type) {
        this.type = type;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    protected final String what() {
        return type + (id == null ? "" : " " + id);
    }

    protected final void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(what() + ": " + message);
    }

    public B id(String id) {
        check(StixIds.isValid(id, type), "id must be '" + type + "--<uuid>', got " + id);
        this.id = id;
        return self();
    }

    public B created(StixTimestamp created) {
        check(created != null, "created must not be null");
        this.created = atLeastMillis(created);
        return self();
    }

    public B modified(StixTimestamp modified) {
        check(modified != null, "modified must not be null");
        this.modified = atLeastMillis(modified);
        return self();
    }

    public B createdByRef(String identityId) {
        check(StixIds.isValid(identityId, "identity"), "created_by_ref must be an identity id, got " + identityId);
        this.createdByRef = identityId;
        return self();
    }

    public B revoked(boolean revoked) {
        this.revoked = revoked;
        return self();
    }

    public B labels(String... labels) {
        check(Arrays.stream(labels).allMatch(l -> l != null && !l.isBlank()), "labels must be non-blank");
        this.labels = List.of(labels);
        return self();
    }

    public B confidence(int confidence) {
        check(confidence >= 0 && confidence <= 100, "confidence must be 0..100, got " + confidence);
        this.confidence = confidence;
        return self();
    }

    public B lang(String lang) {
        this.lang = lang;
        return self();
    }

    public B externalReference(ExternalReference ref) {
        check(ref != null, "external reference must not be null");
        check(ref.description() != null || ref.url() != null || ref.externalId() != null,
                "external reference '" + ref.sourceName() + "' needs a description, url or external_id");
        externalReferences.add(ref);
        return self();
    }

    /** Adds object markings (e.g. {@code Tlp.GREEN.markingId()}). */
    public B marking(String markingDefinitionId) {
        check(StixIds.isValid(markingDefinitionId, "marking-definition"),
                "object_marking_refs must hold marking-definition ids, got " + markingDefinitionId);
        if (!markingRefs.contains(markingDefinitionId)) markingRefs.add(markingDefinitionId);
        return self();
    }

    /** A custom property; STIX 2.1 asks for lower-case names of 3 to 250 characters from [a-z0-9_]. */
    public B customProperty(String name, JsonNode value) {
        check(name != null && CUSTOM_PROPERTY.matcher(name).matches(), "custom property name must match [a-z0-9_]{3,250}: " + name);
        check(value != null && !value.isNull(), "custom property " + name + " needs a value");
        other.put(name, value.deepCopy());
        return self();
    }

    /** The common properties, after the cross-property checks. */
    protected final CommonProperties common() {
        String theId = id != null ? id : StixIds.newId(type);
        StixTimestamp c = created != null ? created : StixTimestamp.now();
        StixTimestamp m = modified != null ? modified : c;
        check(!m.isBefore(c), "modified (" + m + ") must not be earlier than created (" + c + ")");
        return new CommonProperties(type, theId, "2.1", c, m, createdByRef, revoked, labels, confidence, lang,
                externalReferences.isEmpty() ? null : externalReferences,
                markingRefs.isEmpty() ? null : markingRefs, null, null, null);
    }

    /** STIX requires created/modified to millisecond precision at least; "…:00Z" becomes "…:00.000Z". */
    private static StixTimestamp atLeastMillis(StixTimestamp t) {
        return t.fractionDigits() >= 3 ? t : new StixTimestamp(t.instant(), 3);
    }

    protected static List<String> listOrNull(List<String> l) {
        return l == null || l.isEmpty() ? null : List.copyOf(l);
    }

    protected final List<String> nonBlank(String property, String... values) {
        check(values.length > 0, property + " must not be empty");
        for (String v : values) check(v != null && !v.isBlank(), property + " must hold non-blank strings");
        return List.of(values);
    }
}
