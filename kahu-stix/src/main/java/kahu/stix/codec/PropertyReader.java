package kahu.stix.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.model.ExternalReference;
import kahu.stix.model.GranularMarking;
import kahu.stix.model.KillChainPhase;
import kahu.stix.model.StixTimestamp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed properties out of one JSON object and remembers which it took, so that
 * {@link #rest()} can hand back everything else (custom and unmodelled properties) unchanged.
 * Absent or JSON-null properties read as null.
 */
final class PropertyReader {
    private final ObjectNode node;
    private final String what;
    private final Set<String> taken = new HashSet<>();

    PropertyReader(ObjectNode node, String what) {
        this.node = node;
        this.what = what;
    }

    private JsonNode take(String name) {
        taken.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private StixFormatException wrong(String name, String expected, JsonNode v) {
        return new StixFormatException(what + ": property '" + name + "' must be " + expected + ", got " + v.getNodeType());
    }

    String str(String name) {
        JsonNode v = take(name);
        if (v == null) return null;
        if (!v.isTextual()) throw wrong(name, "a string", v);
        return v.textValue();
    }

    Boolean bool(String name) {
        JsonNode v = take(name);
        if (v == null) return null;
        if (!v.isBoolean()) throw wrong(name, "a boolean", v);
        return v.booleanValue();
    }

    Integer integer(String name) {
        JsonNode v = take(name);
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw wrong(name, "an integer", v);
        return v.intValue();
    }

    Long longValue(String name) {
        JsonNode v = take(name);
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrong(name, "an integer", v);
        return v.longValue();
    }

    Double doubleValue(String name) {
        JsonNode v = take(name);
        if (v == null) return null;
        if (!v.isNumber()) throw wrong(name, "a number", v);
        return v.doubleValue();
    }

    StixTimestamp timestamp(String name) {
        String s = str(name);
        if (s == null) return null;
        try {
            return StixTimestamp.parse(s);
        } catch (IllegalArgumentException e) {
            throw new StixFormatException(what + ": property '" + name + "': " + e.getMessage());
        }
    }

    /** Raw JSON, copied (the record must not share mutable nodes with the input). */
    JsonNode node(String name) {
        JsonNode v = take(name);
        return v == null ? null : v.deepCopy();
    }

    List<String> strings(String name) {
        return list(name, item -> {
            if (!item.isTextual()) throw wrong(name + "[]", "a string", item);
            return item.textValue();
        });
    }

    Map<String, String> stringMap(String name) {
        JsonNode v = take(name);
        if (v == null) return null;
        if (!v.isObject()) throw wrong(name, "an object", v);
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isTextual()) throw wrong(name + "." + e.getKey(), "a string", e.getValue());
            m.put(e.getKey(), e.getValue().textValue());
        }
        return m;
    }

    /** A dictionary whose values stay JSON (extensions). */
    Map<String, JsonNode> nodeMap(String name) {
        JsonNode v = take(name);
        if (v == null) return null;
        if (!v.isObject()) throw wrong(name, "an object", v);
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) m.put(e.getKey(), e.getValue());
        return m;
    }

    List<KillChainPhase> killChainPhases(String name) {
        return list(name, item -> {
            PropertyReader r = nested(name, item);
            return new KillChainPhase(r.str("kill_chain_name"), r.str("phase_name"));
        });
    }

    List<ExternalReference> externalReferences(String name) {
        return list(name, item -> {
            PropertyReader r = nested(name, item);
            return new ExternalReference(r.str("source_name"), r.str("description"), r.str("url"),
                    r.stringMap("hashes"), r.str("external_id"), r.rest());
        });
    }

    List<GranularMarking> granularMarkings(String name) {
        return list(name, item -> {
            PropertyReader r = nested(name, item);
            return new GranularMarking(r.str("lang"), r.str("marking_ref"), r.strings("selectors"));
        });
    }

    private PropertyReader nested(String name, JsonNode item) {
        if (!(item instanceof ObjectNode o)) throw wrong(name + "[]", "an object", item);
        return new PropertyReader(o, what + " " + name);
    }

    private <T> List<T> list(String name, Function<JsonNode, T> item) {
        JsonNode v = take(name);
        if (v == null) return null;
        if (!v.isArray()) throw wrong(name, "an array", v);
        List<T> out = new ArrayList<>(v.size());
        for (JsonNode n : v) {
            try {
                out.add(item.apply(n));
            } catch (StixFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new StixFormatException(what + ": property '" + name + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** Every property not taken so far, in input order. */
    Map<String, JsonNode> rest() {
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties())
            if (!taken.contains(e.getKey())) rest.put(e.getKey(), e.getValue());
        return rest;
    }
}
