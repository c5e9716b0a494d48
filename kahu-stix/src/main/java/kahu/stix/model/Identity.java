package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code identity}: An individual, organisation or group.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Identity(
        CommonProperties common,
        String name,
        String description,
        List<String> roles,
        String identityClass,
        List<String> sectors,
        String contactInformation,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "identity";

    public Identity {
        Checks.requireType(common, TYPE);
        roles = Collections2.copyOf(roles);
        sectors = Collections2.copyOf(sectors);
        other = Collections2.copyOfOther(other);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a valid identity: a name is required. */
    public static final class Builder extends CommonBuilder<Builder> {
        private String name, description, identityClass, contactInformation;
        private List<String> roles, sectors;

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

        /** identity-class-ov: individual, group, system, organization, class, unknown. */
        public Builder identityClass(String identityClass) {
            this.identityClass = identityClass;
            return this;
        }

        public Builder sectors(String... sectors) {
            this.sectors = nonBlank("sectors", sectors);
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = nonBlank("roles", roles);
            return this;
        }

        public Builder contactInformation(String contact) {
            this.contactInformation = contact;
            return this;
        }

        public Identity build() {
            check(name != null, "name is required");
            return new Identity(common(), name, description, roles, identityClass, sectors, contactInformation, other);
        }
    }
}
