package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code intrusion-set}: Grouped adversarial behaviour believed to be run by one organisation (an ATT&CK group).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record IntrusionSet(
        CommonProperties common,
        String name,
        String description,
        List<String> aliases,
        StixTimestamp firstSeen,
        StixTimestamp lastSeen,
        List<String> goals,
        String resourceLevel,
        String primaryMotivation,
        List<String> secondaryMotivations,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "intrusion-set";

    public IntrusionSet {
        Checks.requireType(common, TYPE);
        aliases = Collections2.copyOf(aliases);
        goals = Collections2.copyOf(goals);
        secondaryMotivations = Collections2.copyOf(secondaryMotivations);
        other = Collections2.copyOfOther(other);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a valid intrusion set: a name is required, last_seen must not precede first_seen. */
    public static final class Builder extends CommonBuilder<Builder> {
        private String name, description, resourceLevel, primaryMotivation;
        private List<String> aliases, goals, secondaryMotivations;
        private StixTimestamp firstSeen, lastSeen;

        private Builder() {
            super(TYPE);
        }

        public Builder name(String name) {
            check(name != null && !name.isBlank(), "name must not be blank");
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder aliases(String... aliases) {
            this.aliases = nonBlank("aliases", aliases);
            return this;
        }

        public Builder goals(String... goals) {
            this.goals = nonBlank("goals", goals);
            return this;
        }

        public Builder firstSeen(StixTimestamp t) {
            this.firstSeen = t;
            return this;
        }

        public Builder lastSeen(StixTimestamp t) {
            this.lastSeen = t;
            return this;
        }

        public Builder resourceLevel(String v) {
            this.resourceLevel = v;
            return this;
        }

        public Builder primaryMotivation(String v) {
            this.primaryMotivation = v;
            return this;
        }

        public Builder secondaryMotivations(String... v) {
            this.secondaryMotivations = nonBlank("secondary_motivations", v);
            return this;
        }

        public IntrusionSet build() {
            check(name != null, "name is required");
            check(firstSeen == null || lastSeen == null || !lastSeen.isBefore(firstSeen), "last_seen must not be earlier than first_seen");
            return new IntrusionSet(common(), name, description, aliases, firstSeen, lastSeen, goals, resourceLevel,
                    primaryMotivation, secondaryMotivations, other);
        }
    }
}
