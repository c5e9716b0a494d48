package kahu.detect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.id.ObservableIds;
import kahu.stix.id.StixIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Detections as a STIX 2.1 bundle: one indicator per rule (pattern type "sigma", or the matched
 * indicator's own value), and per detection an observed-data over the attacker's observables and a
 * sighting of the indicator. This is what {@code kahu attribute} reads back. Observables get their
 * deterministic ids, so the same address seen twice is one object.
 */
public final class DetectionStix {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final UUID NAMESPACE = UUID.fromString("7d1c3a0e-4b52-4f5e-9a8b-3c2d1e0f9a17");

    private DetectionStix() {}

    public static ObjectNode bundle(List<Detection> detections) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        ObjectNode bundle = F.objectNode();
        bundle.put("type", "bundle");
        bundle.put("id", StixIds.newId("bundle"));
        ArrayNode objects = bundle.putArray("objects");
        String identity = StixIds.of("identity", StixIds.uuidV5(NAMESPACE, "kahu"));
        ObjectNode kahu = sdo("identity", identity, now, null);
        kahu.put("name", "Kahu");
        kahu.put("identity_class", "system");
        objects.add(kahu);
        Map<String, ObjectNode> indicators = new LinkedHashMap<>();
        Map<String, ObjectNode> scos = new LinkedHashMap<>();
        for (Detection d : detections) {
            String indicatorId = StixIds.of("indicator", StixIds.uuidV5(NAMESPACE, d.engine() + ":" + d.ruleId()));
            indicators.computeIfAbsent(indicatorId, id -> indicator(id, d, now, identity));
            String seen = (d.timestamp() == null ? Instant.now() : d.timestamp()).truncatedTo(ChronoUnit.MILLIS).toString();
            ArrayNode refs = F.arrayNode();
            for (var e : d.observables().entrySet()) {
                for (String value : e.getValue()) {
                    ObjectNode sco = sco(e.getKey(), value);
                    if (sco == null) continue;
                    scos.putIfAbsent(sco.get("id").asText(), sco);
                    refs.add(sco.get("id").asText());
                }
            }
            if (refs.isEmpty()) continue; // observed-data needs at least one object
            String observedId = StixIds.newId("observed-data");
            ObjectNode observed = sdo("observed-data", observedId, now, identity);
            observed.put("first_observed", seen);
            observed.put("last_observed", seen);
            observed.put("number_observed", 1);
            observed.set("object_refs", refs);
            ObjectNode sighting = sdo("sighting", StixIds.newId("sighting"), now, identity);
            sighting.put("sighting_of_ref", indicatorId);
            sighting.putArray("observed_data_refs").add(observedId);
            sighting.put("first_seen", seen);
            sighting.put("last_seen", seen);
            sighting.put("count", 1);
            sighting.put("description", d.title() + " at " + d.location());
            sighting.put("x_kahu_location", d.location());
            sighting.put("x_kahu_level", d.level());
            if (d.host() != null) sighting.put("x_kahu_host", d.host());
            sighting.set("x_kahu_observables", observables(d));
            objects.add(observed);
            objects.add(sighting);
        }
        indicators.values().forEach(objects::add);
        scos.values().forEach(objects::add);
        // The techniques as attack-patterns that the indicators indicate: `kahu attribute` reads them as evidence.
        Map<String, String> patterns = new LinkedHashMap<>();
        for (ObjectNode i : indicators.values()) {
            for (var ref : i.path("external_references")) {
                String t = ref.path("external_id").asText();
                String apId = patterns.computeIfAbsent(t, x -> StixIds.of("attack-pattern", StixIds.uuidV5(NAMESPACE, "technique:" + x)));
                ObjectNode rel = sdo("relationship", StixIds.of("relationship", StixIds.uuidV5(NAMESPACE, i.get("id").asText() + ">" + apId)), now, identity);
                rel.put("relationship_type", "indicates");
                rel.put("source_ref", i.get("id").asText());
                rel.put("target_ref", apId);
                objects.add(rel);
            }
        }
        patterns.forEach((t, id) -> {
            ObjectNode ap = sdo("attack-pattern", id, now, identity);
            ap.put("name", t);
            ObjectNode r = ap.putArray("external_references").addObject();
            r.put("source_name", "mitre-attack");
            r.put("external_id", t);
            objects.add(ap);
        });
        return bundle;
    }

    private static ObjectNode indicator(String id, Detection d, String now, String identity) {
        ObjectNode i = sdo("indicator", id, now, identity);
        i.put("name", d.title());
        i.putArray("indicator_types").add("malicious-activity");
        i.put("pattern_type", d.engine().equals("sigma") ? "sigma" : "stix");
        i.put("pattern", d.engine().equals("sigma") ? "id: " + d.ruleId() + "\ntitle: " + d.title() : stixPattern(d));
        i.put("valid_from", now);
        if (!d.techniques().isEmpty()) {
            ArrayNode kc = i.putArray("external_references");
            for (String t : d.techniques()) {
                ObjectNode r = kc.addObject();
                r.put("source_name", "mitre-attack");
                r.put("external_id", t);
            }
        }
        return i;
    }

    private static ObjectNode observables(Detection d) {
        ObjectNode o = F.objectNode();
        d.observables().forEach((k, v) -> {
            ArrayNode a = o.putArray(k);
            v.forEach(a::add);
        });
        return o;
    }

    /** A STIX pattern for an indicator match ("ipv4:203.0.113.7" → [ipv4-addr:value = '203.0.113.7']); else one over the title. */
    private static String stixPattern(Detection d) {
        String rule = d.ruleId();
        int colon = rule.indexOf(':');
        String type = colon < 0 ? "" : rule.substring(0, colon);
        String value = colon < 0 ? rule : rule.substring(colon + 1).replace("\\", "\\\\").replace("'", "\\'");
        return switch (type) {
            case "ipv4" -> "[ipv4-addr:value = '" + value + "']";
            case "ipv6" -> "[ipv6-addr:value = '" + value + "']";
            case "domain" -> "[domain-name:value = '" + value + "']";
            case "url" -> "[url:value = '" + value + "']";
            case "email" -> "[email-addr:value = '" + value + "']";
            case "sha256" -> "[file:hashes.'SHA-256' = '" + value + "']";
            case "sha1" -> "[file:hashes.'SHA-1' = '" + value + "']";
            case "md5" -> "[file:hashes.MD5 = '" + value + "']";
            default -> "[file:name = '" + value + "']";
        };
    }

    /** The SCO for an observable key of {@link Detection#observables()}, or null when STIX has none for it. */
    private static ObjectNode sco(String key, String value) {
        ObjectNode o = F.objectNode();
        switch (key) {
            case "ipv4-addr" -> {
                o.put("type", value.contains(":") ? "ipv6-addr" : "ipv4-addr");
                o.put("value", value);
            }
            case "user-account" -> {
                o.put("type", "user-account");
                o.put("account_login", value);
            }
            case "url-path" -> {
                o.put("type", "url");
                o.put("value", value.startsWith("http") ? value : "https://unknown-host" + (value.startsWith("/") ? "" : "/") + value);
            }
            case "process:command_line" -> {
                o.put("type", "process");
                o.put("command_line", value);
            }
            case "file:path" -> {
                o.put("type", "file");
                o.put("name", value.replaceAll(".*[\\\\/]", ""));
            }
            case "file:sha256" -> {
                o.put("type", "file");
                o.putObject("hashes").put("SHA-256", value);
            }
            case "mailbox" -> {
                return null; // an AnchorMailbox is a routing value, not an address
            }
            default -> {
                return null; // user agents and the like have no SCO; the sighting keeps them in x_kahu_observables
            }
        }
        o.put("spec_version", "2.1");
        o.put("id", ObservableIds.idFor(o));
        return o;
    }

    private static ObjectNode sdo(String type, String id, String now, String createdBy) {
        ObjectNode o = F.objectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", now);
        o.put("modified", now);
        if (createdBy != null) o.put("created_by_ref", createdBy);
        return o;
    }
}
