package kahu.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one JSON object (one NDJSON line) into flat fields: nested objects become dotted names
 * ({@code winlog.event_data.Image}), integers {@code Long}, other scalars text, arrays of scalars
 * {@code List<String>}, arrays holding objects their JSON text. Keys that already contain dots (Zeek's
 * {@code id.orig_h}) are kept as they are.
 */
final class JsonFlattener {
    // The line limit already bounds the size; Jackson's own 20 MB string cap would only get in the way.
    // Decimals stay exact, so Zeek's microsecond ts survives.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // one object per line, nothing after it
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    }

    private JsonFlattener() {}

    static Map<String, Object> flatten(String line) throws BadRecord {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadRecord("invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new BadRecord("not a JSON object");
        Map<String, Object> out = new HashMap<>(64);
        flatten("", root, out);
        return out;
    }

    static void flatten(JsonNode object, Map<String, Object> out) {
        flatten("", object, out);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) flatten(name, v, out);
            else if (v.isArray()) {
                List<String> items = new ArrayList<>(v.size());
                for (JsonNode item : v) items.add(item.isValueNode() ? item.asText() : item.toString());
                out.put(name, items);
            } else if (v.isIntegralNumber() && v.canConvertToLong()) out.put(name, v.longValue());
            else if (v.isBigDecimal()) out.put(name, v.decimalValue().toPlainString());
            else if (!v.isNull()) out.put(name, v.asText());
        }
    }
}
