package kahu.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Upgrades one STIX 2.0 object to 2.1 in place. The rules follow MITRE's own 2.0→2.1
 * conversion of ATT&CK (see shared/data/attack/README.md: add spec_version, malware loses
 * labels ["malware"] and gains is_family true, tool loses labels ["tool"]) and the STIX 2.1
 * changes where 2.0's required {@code labels} became {@code *_types} properties.
 * 2.0's {@code observed-data.objects} is kept: 2.1 still allows it (deprecated).
 */
final class Stix20Upgrader {
    /** 2.0 types whose required labels (an open vocabulary) became a *_types property in 2.1. */
    private static final Map<String, String> LABELS_TO_TYPES = Map.of(
            "malware", "malware_types",
            "tool", "tool_types",
            "threat-actor", "threat_actor_types",
            "indicator", "indicator_types",
            "report", "report_types");

    private Stix20Upgrader() {}

    static ObjectNode upgrade(ObjectNode o) {
        String type = o.path("type").asText();
        String typesProperty = LABELS_TO_TYPES.get(type);
        if (typesProperty != null && o.get("labels") instanceof ArrayNode labels && !o.has(typesProperty)) {
            ArrayNode kept = labels.arrayNode();
            for (JsonNode l : labels)
                // MITRE's placeholder labels name the type itself and carry no information.
                if (!l.asText().equals(type)) kept.add(l);
            o.remove("labels");
            if (!kept.isEmpty()) o.set(typesProperty, kept);
        }
        switch (type) {
            case "malware" -> {
                if (!o.has("is_family")) o.put("is_family", true);
            }
            case "indicator" -> {
                // 2.0 indicators could only hold STIX patterns; 2.1 makes the language explicit.
                if (!o.has("pattern_type")) o.put("pattern_type", "stix");
            }
            default -> {}
        }
        return withSpecVersion(o);
    }

    /** spec_version goes right after type, where STIX producers put it. */
    private static ObjectNode withSpecVersion(ObjectNode o) {
        ObjectNode out = o.objectNode();
        JsonNode type = o.get("type");
        if (type != null) out.set("type", type);
        out.put("spec_version", "2.1");
        for (Map.Entry<String, JsonNode> e : o.properties())
            if (!e.getKey().equals("type") && !e.getKey().equals("spec_version")) out.set(e.getKey(), e.getValue());
        return out;
    }
}
