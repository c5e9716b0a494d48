package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code relationship}: A typed link from source_ref to target_ref.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Relationship(
        CommonProperties common,
        String relationshipType,
        String description,
        String sourceRef,
        String targetRef,
        StixTimestamp startTime,
        StixTimestamp stopTime,
        Map<String, JsonNode> other) implements RelationshipObject {
    public static final String TYPE = "relationship";

    public Relationship {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Convenience: {@code source --type--> target}, created now. */
    public static Relationship of(String sourceRef, String relationshipType, String targetRef) {
        return builder().source(sourceRef).relationshipType(relationshipType).target(targetRef).build();
    }

    /** Builds a valid relationship: type, source and target required; refs must be STIX ids. */
    public static final class Builder extends CommonBuilder<Builder> {
        private static final java.util.regex.Pattern TYPE_NAME = java.util.regex.Pattern.compile("[a-z0-9-]{3,250}");
        private String relationshipType, description, sourceRef, targetRef;
        private StixTimestamp startTime, stopTime;

        private Builder() {
            super(TYPE);
        }

        /** e.g. uses, attributed-to, indicates; lower case letters, digits and hyphens. */
        public Builder relationshipType(String t) {
            check(t != null && TYPE_NAME.matcher(t).matches(), "relationship_type must match [a-z0-9-]{3,250}, got " + t);
            this.relationshipType = t;
            return this;
        }

        public Builder source(String id) {
            check(kahu.stix.id.StixIds.isValid(id), "source_ref must be a STIX id, got " + id);
            this.sourceRef = id;
            return this;
        }

        public Builder target(String id) {
            check(kahu.stix.id.StixIds.isValid(id), "target_ref must be a STIX id, got " + id);
            this.targetRef = id;
            return this;
        }

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        public Builder startTime(StixTimestamp t) {
            this.startTime = t;
            return this;
        }

        public Builder stopTime(StixTimestamp t) {
            this.stopTime = t;
            return this;
        }

        public Relationship build() {
            check(relationshipType != null, "relationship_type is required");
            check(sourceRef != null, "source_ref is required");
            check(targetRef != null, "target_ref is required");
            check(startTime == null || stopTime == null || startTime.isBefore(stopTime), "stop_time must be later than start_time");
            return new Relationship(common(), relationshipType, description, sourceRef, targetRef, startTime, stopTime, other);
        }
    }
}
