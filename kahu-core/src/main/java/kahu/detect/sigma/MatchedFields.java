package kahu.detect.sigma;

import kahu.ingest.Event;

import java.util.LinkedHashMap;
import java.util.Map;

/** After a match only (never in the match loop): the fields whose tests were true, for the analyst. */
final class MatchedFields {
    private MatchedFields() {}

    static Map<String, Object> of(Matcher m, Event e) {
        return of(m, EventFields.uncached(e));
    }

    static Map<String, Object> of(Matcher m, EventFields f) {
        Map<String, Object> out = new LinkedHashMap<>();
        collect(m, f, out, true); // called for a detection that matched
        return out;
    }

    /**
     * {@code known}: the matcher is true (the detection, or a part of an AND that is true), so its
     * fields are reported without testing them again; under an OR each part is tested. Testing
     * every field again was most of the cost of a match (measured in SigmaBench: about 0.6 µs a
     * match, a tenth of the engine's time per event).
     */
    private static void collect(Matcher m, EventFields e, Map<String, Object> out, boolean known) {
        switch (m) {
            case Matcher.And a -> {
                for (Matcher c : a.all()) collect(c, e, out, known);
            }
            case Matcher.Or o -> {
                for (Matcher c : o.any()) collect(c, e, out, false);
            }
            case Matcher.Field f when known || f.matches(e) -> put(f.names(), e.event(), out);
            case Matcher.FieldRef f when known || f.matches(e) -> {
                put(f.names(), e.event(), out);
                put(f.other(), e.event(), out);
            }
            case Matcher.Exists f when f.expected() && (known || f.matches(e)) -> put(f.names(), e.event(), out);
            default -> { } // negations and failed tests explain nothing
        }
    }

    private static void put(String[] names, Event e, Map<String, Object> out) {
        for (String n : names) {
            Object v = e.get(n);
            if (v != null) {
                out.put(n, v);
                return;
            }
        }
    }
}
