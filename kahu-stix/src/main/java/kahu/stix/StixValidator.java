package kahu.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.id.StixIds;
import kahu.stix.model.StixTimestamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one STIX 2.1 object against the rules of the specification that matter to Kahu:
 * required properties (as the OASIS schemas list them), id form, timestamps, references,
 * and a few cheap enumerations. Returns every problem found, empty when valid. It does not
 * check custom properties, nor that references resolve (that needs the whole graph).
 */
public final class StixValidator {
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("attack-pattern", List.of("name")),
            Map.entry("campaign", List.of("name")),
            Map.entry("course-of-action", List.of("name")),
            Map.entry("grouping", List.of("context", "object_refs")),
            Map.entry("identity", List.of("name")),
            Map.entry("incident", List.of("name")),
            Map.entry("indicator", List.of("pattern", "pattern_type", "valid_from")),
            Map.entry("infrastructure", List.of("name")),
            Map.entry("intrusion-set", List.of("name")),
            Map.entry("malware", List.of("is_family")),
            Map.entry("malware-analysis", List.of("product")),
            Map.entry("note", List.of("content", "object_refs")),
            Map.entry("observed-data", List.of("first_observed", "last_observed", "number_observed")),
            Map.entry("opinion", List.of("object_refs", "opinion")),
            Map.entry("report", List.of("name", "object_refs", "published")),
            Map.entry("threat-actor", List.of("name")),
            Map.entry("tool", List.of("name")),
            Map.entry("vulnerability", List.of("name")),
            Map.entry("relationship", List.of("relationship_type", "source_ref", "target_ref")),
            Map.entry("sighting", List.of("sighting_of_ref")),
            Map.entry("extension-definition", List.of("name", "schema", "version", "extension_types")),
            Map.entry("language-content", List.of("object_ref", "contents")),
            Map.entry("autonomous-system", List.of("number")),
            Map.entry("directory", List.of("path")),
            Map.entry("domain-name", List.of("value")),
            Map.entry("email-addr", List.of("value")),
            Map.entry("email-message", List.of("is_multipart")),
            Map.entry("ipv4-addr", List.of("value")),
            Map.entry("ipv6-addr", List.of("value")),
            Map.entry("mac-addr", List.of("value")),
            Map.entry("mutex", List.of("name")),
            Map.entry("network-traffic", List.of("protocols")),
            Map.entry("software", List.of("name")),
            Map.entry("url", List.of("value")),
            Map.entry("windows-registry-key", List.of()),
            Map.entry("user-account", List.of()),
            Map.entry("x509-certificate", List.of()));

    /** Properties holding timestamps, wherever they occur at the top level. */
    private static final Set<String> TIMESTAMPS = Set.of("created", "modified", "first_seen", "last_seen",
            "valid_from", "valid_until", "published", "first_observed", "last_observed", "start_time", "stop_time",
            "object_modified", "start", "end", "ctime", "mtime", "atime", "created_time", "modified_time",
            "account_created", "account_expires", "credential_last_changed", "account_first_login",
            "account_last_login", "validity_not_before", "validity_not_after", "date", "analysis_started",
            "analysis_ended", "submitted");

    private static final Set<String> OPINIONS = Set.of("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree");
    private static final Set<String> EXTENSION_TYPES = Set.of("new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");

    private StixValidator() {}

    public static List<String> validate(ObjectNode o) {
        List<String> errors = new ArrayList<>();
        String type = text(o, "type");
        if (type == null) {
            errors.add("'type' is required and must be a string");
            return errors;
        }
        if (!StixTypes.isAccepted(type)) errors.add("unknown type '" + type + "' (not STIX 2.1 and not an x- custom type)");
        String id = text(o, "id");
        if (id == null) errors.add("'id' is required and must be a string");
        else if (!StixIds.isValid(id, type)) errors.add("'id' must be '" + type + "--<uuid>', got '" + id + "'");

        boolean observable = StixTypes.isObservable(type);
        String spec = text(o, "spec_version");
        if (spec == null && !observable) errors.add("'spec_version' is required");
        else if (spec != null && !spec.equals("2.1")) errors.add("'spec_version' must be \"2.1\", got \"" + spec + "\"");

        if (!observable) {
            required(o, "created", errors);
            if (!type.equals("marking-definition")) required(o, "modified", errors);
        }
        for (String p : REQUIRED.getOrDefault(type, List.of())) required(o, p, errors);

        checkTimestamps(o, errors);
        checkReferences(o, errors);
        checkCommon(o, errors);
        checkTypeRules(type, o, errors);
        return errors;
    }

    private static void required(ObjectNode o, String p, List<String> errors) {
        JsonNode v = o.get(p);
        if (v == null || v.isNull()) errors.add("'" + p + "' is required");
    }

    private static void checkTimestamps(ObjectNode o, List<String> errors) {
        for (String p : TIMESTAMPS) {
            JsonNode v = o.get(p);
            if (v != null && !(v.isTextual() && StixTimestamp.isValid(v.textValue())))
                errors.add("'" + p + "' must be a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z), got " + v);
        }
        for (String p : new String[] {"created", "modified"}) {
            String t = text(o, p);
            // STIX 2.1 §3.2: created and modified MUST be precise to at least the millisecond.
            if (t != null && StixTimestamp.isValid(t) && StixTimestamp.parse(t).fractionDigits() < 3)
                errors.add("'" + p + "' must have at least millisecond precision (3 fraction digits), got " + t);
        }
        before(o, "created", "modified", "'modified' must not be earlier than 'created'", errors);
        before(o, "first_seen", "last_seen", "'last_seen' must not be earlier than 'first_seen'", errors);
        before(o, "first_observed", "last_observed", "'last_observed' must not be earlier than 'first_observed'", errors);
        before(o, "start_time", "stop_time", "'stop_time' must not be earlier than 'start_time'", errors);
        before(o, "valid_from", "valid_until", "'valid_until' must not be earlier than 'valid_from'", errors);
    }

    private static void before(ObjectNode o, String first, String second, String message, List<String> errors) {
        String a = text(o, first), b = text(o, second);
        if (a == null || b == null || !StixTimestamp.isValid(a) || !StixTimestamp.isValid(b)) return;
        if (StixTimestamp.parse(b).isBefore(StixTimestamp.parse(a))) errors.add(message);
    }

    /** Every top-level *_ref is an identifier and every *_refs an array of them (the spec's naming rule). */
    private static void checkReferences(ObjectNode o, List<String> errors) {
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String p = e.getKey();
            JsonNode v = e.getValue();
            if (p.startsWith("x_")) continue; // custom properties follow their own rules
            if (p.endsWith("_ref")) {
                if (!v.isTextual() || !StixIds.isValid(v.textValue())) errors.add("'" + p + "' must be a STIX identifier, got " + v);
            } else if (p.endsWith("_refs")) {
                if (!v.isArray() || v.isEmpty()) errors.add("'" + p + "' must be a non-empty array of identifiers");
                else for (JsonNode r : v)
                    if (!r.isTextual() || !StixIds.isValid(r.textValue())) errors.add("'" + p + "' holds a non-identifier: " + r);
            }
        }
        JsonNode markings = o.get("object_marking_refs");
        if (markings != null && markings.isArray())
            for (JsonNode m : markings)
                if (!StixIds.isValid(m.asText(), "marking-definition"))
                    errors.add("'object_marking_refs' must hold marking-definition ids, got " + m);
    }

    private static void checkCommon(ObjectNode o, List<String> errors) {
        JsonNode conf = o.get("confidence");
        if (conf != null && !(conf.isIntegralNumber() && conf.asInt() >= 0 && conf.asInt() <= 100))
            errors.add("'confidence' must be an integer from 0 to 100, got " + conf);
        JsonNode revoked = o.get("revoked");
        if (revoked != null && !revoked.isBoolean()) errors.add("'revoked' must be a boolean");
        stringArray(o, "labels", errors);
        JsonNode refs = o.get("external_references");
        if (refs != null) {
            if (!refs.isArray()) errors.add("'external_references' must be an array");
            else for (JsonNode r : refs) {
                if (!r.isObject() || text(r, "source_name") == null) errors.add("every external reference needs a 'source_name'");
                else if (!r.has("description") && !r.has("url") && !r.has("external_id"))
                    errors.add("external reference '" + text(r, "source_name") + "' needs a description, url or external_id");
            }
        }
    }

    private static void checkTypeRules(String type, ObjectNode o, List<String> errors) {
        switch (type) {
            case "malware" -> {
                JsonNode f = o.get("is_family");
                if (f != null && !f.isBoolean()) errors.add("'is_family' must be a boolean");
                if (f != null && f.asBoolean() && !o.has("name")) errors.add("'name' is required when is_family is true");
            }
            case "opinion" -> {
                String op = text(o, "opinion");
                if (op != null && !OPINIONS.contains(op)) errors.add("'opinion' must be one of " + OPINIONS + ", got " + op);
            }
            case "observed-data" -> {
                if (!o.has("objects") && !o.has("object_refs")) errors.add("observed-data needs 'object_refs' (or the deprecated 'objects')");
                JsonNode n = o.get("number_observed");
                if (n != null && !(n.isIntegralNumber() && n.asLong() >= 1 && n.asLong() <= 999_999_999))
                    errors.add("'number_observed' must be an integer from 1 to 999,999,999");
            }
            case "location" -> {
                if (!o.has("region") && !o.has("country") && !(o.has("latitude") && o.has("longitude")))
                    errors.add("location needs 'region', 'country' or 'latitude' and 'longitude'");
            }
            case "marking-definition" -> {
                if (!o.has("extensions") && (!o.has("definition") || !o.has("definition_type")))
                    errors.add("marking-definition needs 'definition_type' and 'definition' (or an extension)");
                if ("statement".equals(text(o, "definition_type")) && text(o.path("definition"), "statement") == null)
                    errors.add("a statement marking needs 'definition.statement'");
            }
            case "extension-definition" -> {
                JsonNode t = o.get("extension_types");
                if (t != null && t.isArray()) for (JsonNode x : t)
                    if (!EXTENSION_TYPES.contains(x.asText())) errors.add("unknown extension type " + x);
            }
            case "indicator" -> stringArray(o, "indicator_types", errors);
            case "network-traffic" -> {
                if (!o.has("src_ref") && !o.has("dst_ref")) errors.add("network-traffic needs 'src_ref' or 'dst_ref'");
                port(o, "src_port", errors);
                port(o, "dst_port", errors);
            }
            default -> {}
        }
    }

    private static void port(ObjectNode o, String p, List<String> errors) {
        JsonNode v = o.get(p);
        if (v != null && !(v.isIntegralNumber() && v.asInt() >= 0 && v.asInt() <= 65535))
            errors.add("'" + p + "' must be an integer from 0 to 65535");
    }

    private static void stringArray(ObjectNode o, String p, List<String> errors) {
        JsonNode v = o.get(p);
        if (v == null) return;
        if (!v.isArray()) errors.add("'" + p + "' must be an array of strings");
        else for (JsonNode x : v) if (!x.isTextual()) errors.add("'" + p + "' must hold only strings, got " + x);
    }

    private static String text(JsonNode o, String p) {
        JsonNode v = o.get(p);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
