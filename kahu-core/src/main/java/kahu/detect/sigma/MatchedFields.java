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
        collect(m, f, out);
        return out;
    }

    private static void collect(Matcher m, EventFields e, Map<String, Object> out) {
        switch (m) {
            case Matcher.And a -> a.all().forEach(c -> collect(c, e, out));
            case Matcher.Or o -> o.any().forEach(c -> collect(c, e, out));
            case Matcher.Field f when f.matches(e) -> put(f.names(), e.event(), out);
            case Matcher.FieldRef f when f.matches(e) -> {
                put(f.names(), e.event(), out);
                put(f.other(), e.event(), out);
            }
            case Matcher.Exists f when f.matches(e) && f.expected() -> put(f.names(), e.event(), out);
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
