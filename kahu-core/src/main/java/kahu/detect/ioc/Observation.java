package kahu.detect.ioc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One observation a pattern is evaluated on: STIX observed-data (or one log event seen as such) with
 * its time span and the cyber-observable objects it saw, as plain JSON-like maps keyed by their
 * reference (an SCO id in STIX 2.1, the dictionary key "0", "1", … in 2.0), so {@code *_ref} properties
 * resolve inside the observation.
 *
 * @param number how many times it was seen ({@code number_observed})
 */
public record Observation(Instant first, Instant last, int number, Map<String, Map<String, Object>> objects) {
    public Observation {
        if (last.isBefore(first)) throw new IllegalArgumentException("last_observed before first_observed");
        objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    public static Observation at(Instant t, Map<String, Map<String, Object>> objects) {
        return new Observation(t, t, 1, objects);
    }

    /** The objects whose {@code type} is the given one, in their order. */
    public List<Map<String, Object>> ofType(String type) {
        List<Map<String, Object>> out = new ArrayList<>(2);
        for (Map<String, Object> o : objects.values()) if (type.equals(o.get("type"))) out.add(o);
        return out;
    }
}
