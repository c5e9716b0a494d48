package kahu.stix;

import java.util.Set;

/** The object types STIX 2.1 defines, by category, and the rule for custom types. */
public final class StixTypes {
    public static final Set<String> DOMAIN_OBJECTS = Set.of("attack-pattern", "campaign", "course-of-action",
            "grouping", "identity", "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware",
            "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");
    public static final Set<String> RELATIONSHIP_OBJECTS = Set.of("relationship", "sighting");
    public static final Set<String> OBSERVABLES = Set.of("artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
            "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate");
    public static final Set<String> META_OBJECTS = Set.of("marking-definition", "extension-definition", "language-content");

    private StixTypes() {}

    /** x- prefixed types: STIX 2.1 custom objects (e.g. ATT&CK's x-mitre-tactic). */
    public static boolean isCustom(String type) {
        return type != null && type.startsWith("x-") && type.length() > 2;
    }

    public static boolean isStandard(String type) {
        return DOMAIN_OBJECTS.contains(type) || RELATIONSHIP_OBJECTS.contains(type)
                || OBSERVABLES.contains(type) || META_OBJECTS.contains(type);
    }

    /** Types Kahu accepts on input: every STIX 2.1 type plus x- custom types. */
    public static boolean isAccepted(String type) {
        return isStandard(type) || isCustom(type);
    }

    public static boolean isObservable(String type) {
        return OBSERVABLES.contains(type);
    }
}
