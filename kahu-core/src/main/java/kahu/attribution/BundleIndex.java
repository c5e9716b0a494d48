package kahu.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import kahu.stix.ReadObject;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one evidence input by id (the newest version of each), with the small JSON helpers
 * every extraction step shares. References are resolved against the whole input, not only the
 * selected subject: an object a selected one points at explains it.
 */
final class BundleIndex {
    private final Map<String, ReadObject> byId = new LinkedHashMap<>();

    BundleIndex(List<ReadObject> objects) {
        for (ReadObject o : objects) {
            // The reader delivers every version of an id; the newest one is what the producer means now.
            byId.merge(o.id(), o, (old, neu) -> text(neu.json(), "modified") != null
                    && (text(old.json(), "modified") == null || text(neu.json(), "modified").compareTo(text(old.json(), "modified")) >= 0)
                    ? neu : old);
        }
    }

    ReadObject get(String id) {
        return id == null ? null : byId.get(id);
    }

    List<ReadObject> all() {
        return List.copyOf(byId.values());
    }

    List<ReadObject> ofType(String type) {
        List<ReadObject> out = new ArrayList<>();
        for (ReadObject o : byId.values()) if (o.type().equals(type)) out.add(o);
        return out;
    }

    /** "apt40.json:12 attack-pattern--…": enough for an analyst to find the object again. */
    static String sourceOf(ReadObject o) {
        return fileName(o.source()) + ":" + o.line() + " " + o.id();
    }

    static String fileName(String source) {
        if (source == null || source.isBlank()) return "input";
        try {
            Path name = Path.of(source).getFileName();
            return name == null ? source : name.toString();
        } catch (RuntimeException e) { // not a path (a stream name): keep it as it is
            return source;
        }
    }

    static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    static List<String> texts(JsonNode o, String field) {
        JsonNode v = o.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) for (JsonNode e : v) if (e.isTextual()) out.add(e.asText());
        return out;
    }

    /** A STIX timestamp, or null when absent or unparsable (the reader's validator already complained). */
    static Instant instant(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The {@code external_id} of the first external reference with {@code source_name}, or null. */
    static String externalId(JsonNode o, String sourceName) {
        JsonNode refs = o.get("external_references");
        if (refs == null || !refs.isArray()) return null;
        for (JsonNode r : refs) {
            if (sourceName.equalsIgnoreCase(r.path("source_name").asText()) && r.hasNonNull("external_id")) {
                return r.get("external_id").asText();
            }
        }
        return null;
    }
}
