package kahu.stix.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Deterministic identifiers for cyber observables (STIX 2.1 §2.9): UUIDv5 in the STIX namespace
 * over the RFC 8785 canonical JSON of the type's "ID Contributing Properties" that are present.
 * Two producers who see the same IP address thus give it the same id, which is what lets
 * Kahu merge observables from different sources without a lookup.
 */
public final class ObservableIds {
    /** The namespace the spec reserves for SCO ids; SDO producers must not use it. */
    public static final UUID STIX_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    /** ID Contributing Properties per SCO type, as listed in each type's section of STIX 2.1. */
    private static final Map<String, List<String>> CONTRIBUTING = Map.ofEntries(
            Map.entry("artifact", List.of("hashes", "payload_bin")),
            Map.entry("autonomous-system", List.of("number")),
            Map.entry("directory", List.of("path")),
            Map.entry("domain-name", List.of("value")),
            Map.entry("email-addr", List.of("value")),
            Map.entry("email-message", List.of("from_ref", "subject", "body")),
            Map.entry("file", List.of("hashes", "name", "extensions", "parent_directory_ref")),
            Map.entry("ipv4-addr", List.of("value")),
            Map.entry("ipv6-addr", List.of("value")),
            Map.entry("mac-addr", List.of("value")),
            Map.entry("mutex", List.of("name")),
            Map.entry("network-traffic", List.of("start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions")),
            Map.entry("process", List.of()), // no contributing properties: always UUIDv4
            Map.entry("software", List.of("name", "cpe", "swid", "vendor", "version")),
            Map.entry("url", List.of("value")),
            Map.entry("user-account", List.of("account_type", "user_id", "account_login")),
            Map.entry("windows-registry-key", List.of("key", "values")),
            Map.entry("x509-certificate", List.of("hashes", "serial_number")));

    /** When several hashes are present only one contributes, the first of these that is present. */
    private static final List<String> HASH_PREFERENCE = List.of("MD5", "SHA-1", "SHA-256", "SHA-512");

    private ObservableIds() {}

    public static boolean isObservableType(String type) {
        return CONTRIBUTING.containsKey(type);
    }

    public static List<String> contributingProperties(String type) {
        List<String> props = CONTRIBUTING.get(type);
        if (props == null) throw new IllegalArgumentException("not a STIX cyber-observable type: " + type);
        return props;
    }

    /**
     * The id the spec prescribes for {@code sco} (whose own id, if any, is ignored): UUIDv5 when at
     * least one contributing property is present, otherwise a random UUIDv4 as the spec requires.
     */
    public static String idFor(JsonNode sco) {
        String type = sco.path("type").asText(null);
        ObjectNode contributing = contributingJson(type, sco);
        if (contributing.isEmpty()) return StixIds.newId(type);
        return StixIds.of(type, StixIds.uuidV5(STIX_NAMESPACE, JsonCanonicalizer.canonicalize(contributing)));
    }

    /** True when the object's contributing properties are present and its id is the one they determine. */
    public static boolean hasDeterministicId(JsonNode sco) {
        String type = sco.path("type").asText(null);
        ObjectNode contributing = contributingJson(type, sco);
        return !contributing.isEmpty() && idFor(sco).equals(sco.path("id").asText());
    }

    /** The JSON object whose canonical text is hashed: exactly the contributing properties present. */
    public static ObjectNode contributingJson(String type, JsonNode sco) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String p : contributingProperties(type)) {
            JsonNode v = sco.get(p);
            if (v == null || v.isNull()) continue;
            out.set(p, p.equals("hashes") ? oneHash(v) : v.deepCopy());
        }
        return out;
    }

    private static JsonNode oneHash(JsonNode hashes) {
        ObjectNode one = JsonNodeFactory.instance.objectNode();
        for (String algo : HASH_PREFERENCE) {
            if (hashes.has(algo)) return one.set(algo, hashes.get(algo).deepCopy());
        }
        // None of the preferred algorithms: take the alphabetically first so the choice is stable.
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        hashes.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        if (!sorted.isEmpty()) one.set(sorted.firstKey(), sorted.firstEntry().getValue().deepCopy());
        return one;
    }
}
