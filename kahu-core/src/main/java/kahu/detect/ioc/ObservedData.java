package kahu.detect.ioc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns STIX observed-data into {@link Observation}s: 2.1 {@code object_refs} resolved against the SCOs
 * of the same bundle, and 2.0 embedded {@code objects} dictionaries. Ordered by first_observed, the
 * order FOLLOWEDBY reasons about.
 */
public final class ObservedData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObservedData() {}

    /** Every observed-data of a bundle (or a bare list of objects) as observations. */
    public static List<Observation> fromBundle(JsonNode bundle) {
        JsonNode objects = bundle.isArray() ? bundle : bundle.path("objects");
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode o : objects) if (o.has("id")) byId.put(o.get("id").asText(), o);
        List<Observation> out = new ArrayList<>();
        for (JsonNode o : objects) {
            if ("observed-data".equals(o.path("type").asText())) out.add(fromObservedData(o, byId));
        }
        out.sort(java.util.Comparator.comparing(Observation::first));
        return out;
    }

    static Observation fromObservedData(JsonNode od, Map<String, JsonNode> byId) {
        Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
        if (od.has("objects")) {
            od.get("objects").properties().forEach(e -> objects.put(e.getKey(), plain(e.getValue())));
        }
        for (JsonNode ref : od.path("object_refs")) {
            JsonNode sco = byId.get(ref.asText());
            if (sco != null) objects.put(ref.asText(), plain(sco));
        }
        // A 2.1 SCO may reference SCOs that observed-data did not list (src_ref of network-traffic).
        List<String> pending = new ArrayList<>(objects.keySet());
        while (!pending.isEmpty()) {
            String key = pending.removeLast();
            for (Map.Entry<String, Object> e : objects.get(key).entrySet()) {
                if (!e.getKey().endsWith("_ref") && !e.getKey().endsWith("_refs")) continue;
                List<?> ids = e.getValue() instanceof List<?> l ? l : List.of(String.valueOf(e.getValue()));
                for (Object id : ids) {
                    JsonNode sco = byId.get(String.valueOf(id));
                    if (sco != null && !objects.containsKey(String.valueOf(id))) {
                        objects.put(String.valueOf(id), plain(sco));
                        pending.add(String.valueOf(id));
                    }
                }
            }
        }
        Instant first = time(od, "first_observed");
        Instant last = od.has("last_observed") ? time(od, "last_observed") : first;
        return new Observation(first, last.isBefore(first) ? first : last, od.path("number_observed").asInt(1), objects);
    }

    private static Instant time(JsonNode od, String field) {
        String s = od.path(field).asText(null);
        return s == null ? Instant.EPOCH : OffsetDateTime.parse(s).toInstant();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(JsonNode node) {
        return JSON.convertValue(node, LinkedHashMap.class);
    }
}
