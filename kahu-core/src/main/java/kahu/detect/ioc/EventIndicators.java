package kahu.detect.ioc;

import kahu.ingest.Event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link IndicatorSet} applied to a structured log event: the event's fields are read through the
 * same object mapping the pattern evaluator uses ({@link EventObjects}), each value is looked up by its
 * type, and only indicators valid at the event's time count.
 */
public final class EventIndicators {
    private EventIndicators() {}

    /** Every indicator the event matches, each once. */
    public static List<Indicator> matches(IndicatorSet set, Event event) {
        Set<Indicator> out = new LinkedHashSet<>();
        for (Map<String, Object> o : EventObjects.observation(event).objects().values()) {
            switch (String.valueOf(o.get("type"))) {
                case "ipv4-addr" -> out.addAll(set.match(IndicatorType.IPV4, String.valueOf(o.get("value"))));
                case "ipv6-addr" -> out.addAll(set.match(IndicatorType.IPV6, String.valueOf(o.get("value"))));
                case "domain-name" -> out.addAll(set.match(IndicatorType.DOMAIN, String.valueOf(o.get("value"))));
                case "url" -> out.addAll(set.match(IndicatorType.URL, String.valueOf(o.get("value"))));
                case "email-addr" -> out.addAll(set.match(IndicatorType.EMAIL, String.valueOf(o.get("value"))));
                case "file" -> file(set, o, out);
                default -> { }
            }
        }
        List<Indicator> valid = new ArrayList<>();
        for (Indicator i : out) if (i.validAt(event.timestamp())) valid.add(i);
        return valid;
    }

    private static void file(IndicatorSet set, Map<String, Object> file, Set<Indicator> out) {
        if (file.get("name") instanceof String name) out.addAll(set.match(IndicatorType.FILE_NAME, name));
        if (file.get("x_path") instanceof String path) out.addAll(set.match(IndicatorType.FILE_PATH, path));
        if (file.get("hashes") instanceof Map<?, ?> hashes) {
            for (Object h : hashes.values()) {
                String v = String.valueOf(h);
                IndicatorType t = v.length() == 32 ? IndicatorType.MD5 : v.length() == 40 ? IndicatorType.SHA1 : v.length() == 64 ? IndicatorType.SHA256 : null;
                if (t != null) out.addAll(set.match(t, v));
            }
        }
    }
}
