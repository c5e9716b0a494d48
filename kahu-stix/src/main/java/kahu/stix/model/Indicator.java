package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code indicator}: A pattern that detects suspicious or malicious activity.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record Indicator(
        CommonProperties common,
        String name,
        String description,
        List<String> indicatorTypes,
        String pattern,
        String patternType,
        String patternVersion,
        StixTimestamp validFrom,
        StixTimestamp validUntil,
        List<KillChainPhase> killChainPhases,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "indicator";

    public Indicator {
        Checks.requireType(common, TYPE);
        indicatorTypes = Collections2.copyOf(indicatorTypes);
        killChainPhases = Collections2.copyOf(killChainPhases);
        other = Collections2.copyOfOther(other);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a valid indicator: pattern, pattern_type and valid_from required (valid_from defaults to created). */
    public static final class Builder extends CommonBuilder<Builder> {
        private String name, description, pattern, patternType, patternVersion;
        private List<String> indicatorTypes;
        private StixTimestamp validFrom, validUntil;
        private List<KillChainPhase> killChainPhases;

        private Builder() {
            super(TYPE);
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** indicator-type-ov, e.g. malicious-activity, attribution, compromised. */
        public Builder indicatorTypes(String... types) {
            this.indicatorTypes = nonBlank("indicator_types", types);
            return this;
        }

        /** A pattern and its language (pattern-type-ov: stix, pcre, sigma, snort, suricata, yara). */
        public Builder pattern(String patternType, String pattern) {
            check(patternType != null && !patternType.isBlank(), "pattern_type must not be blank");
            check(pattern != null && !pattern.isBlank(), "pattern must not be blank");
            this.patternType = patternType;
            this.pattern = pattern;
            return this;
        }

        /** A STIX pattern, e.g. {@code [ipv4-addr:value = '198.51.100.1']}. */
        public Builder stixPattern(String pattern) {
            check(pattern != null && pattern.startsWith("[") && pattern.contains("]"), "a STIX pattern starts with '[': " + pattern);
            return pattern("stix", pattern);
        }

        public Builder patternVersion(String v) {
            this.patternVersion = v;
            return this;
        }

        public Builder validFrom(StixTimestamp t) {
            this.validFrom = t;
            return this;
        }

        public Builder validUntil(StixTimestamp t) {
            this.validUntil = t;
            return this;
        }

        public Builder killChainPhase(String killChain, String phase) {
            if (killChainPhases == null) killChainPhases = new java.util.ArrayList<>();
            killChainPhases.add(new KillChainPhase(killChain, phase));
            return this;
        }

        public Indicator build() {
            check(pattern != null, "pattern and pattern_type are required");
            CommonProperties c = common();
            StixTimestamp from = validFrom != null ? validFrom : c.created();
            check(validUntil == null || from.isBefore(validUntil), "valid_until must be later than valid_from");
            return new Indicator(c, name, description, indicatorTypes, pattern, patternType, patternVersion, from,
                    validUntil, killChainPhases, other);
        }
    }
}
