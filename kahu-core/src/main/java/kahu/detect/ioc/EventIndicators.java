package kahu.detect.ioc;

import kahu.ingest.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link IndicatorSet} applied to structured log events, built once per set and used for every event: the
 * fields {@link EventObjects} maps to addresses, domains, URLs, e-mail addresses, file names, paths and hashes
 * are looked up in the set's table for their kind, and only indicators valid at the event's time count.
 *
 * <p>Why it is cheap per event: which field holds which kind is decided once per field name (the log's own
 * spelling, resolved case-insensitively and remembered), kinds the set has no indicator of are never looked
 * at, nothing is built for an event without a match, and the look-ups themselves do not allocate (except
 * URLs on a host some URL indicator names, which are normalised first). Unlike the observation that the
 * pattern evaluator sees, every field of a kind counts, not only the first present: a Sysmon event's
 * {@code Image} and {@code TargetFilename} are both looked up as paths.
 *
 * <p>Thread-safe: the field-name memory is a concurrent map.
 */
public final class EventIndicators {
    /** Distinct field names remembered; JSON logs with ever-new keys beyond this are resolved each time. */
    private static final int MAX_REMEMBERED = 4096;
    private static final Comparator<Indicator> STABLE_ORDER = Comparator.comparing(Indicator::type)
            .thenComparing(Indicator::value).thenComparing(Indicator::source);

    private final IndicatorSet set;
    /** lower-cased field name → role, for the roles this set can match only */
    private final Map<String, FieldRole> roles;
    /** a field name as logs spell it → its role, or NONE */
    private final ConcurrentHashMap<String, FieldRole> byName = new ConcurrentHashMap<>();

    private EventIndicators(IndicatorSet set) {
        this.set = set;
        Set<FieldRole> usable = usableRoles(set.counts());
        Map<String, FieldRole> r = new java.util.HashMap<>();
        EventObjects.indicatorFields().forEach((field, role) -> {
            if (usable.contains(role)) r.put(field, role);
        });
        this.roles = Map.copyOf(r);
    }

    public static EventIndicators of(IndicatorSet set) {
        return new EventIndicators(set);
    }

    /** For one event now and then; to match many, build once with {@link #of} and call {@link #matches(Event)}. */
    public static List<Indicator> matches(IndicatorSet set, Event event) {
        return of(set).matches(event);
    }

    /** Every indicator the event matches, each once, in a stable order; an empty immutable list when none. */
    public List<Indicator> matches(Event event) {
        if (roles.isEmpty()) return List.of();
        Found found = new Found(event.timestamp());
        lookUp(event.normalized(), found);
        lookUp(event.fields(), found);
        if (found.list.size() > 1) found.list.sort(STABLE_ORDER); // field order of an event map is not stable across runs
        return found.list;
    }

    private static Set<FieldRole> usableRoles(Map<IndicatorType, Integer> counts) {
        Set<FieldRole> usable = EnumSet.noneOf(FieldRole.class);
        if (counts.containsKey(IndicatorType.IPV4) || counts.containsKey(IndicatorType.IPV6)) usable.add(FieldRole.ADDRESS);
        if (counts.containsKey(IndicatorType.DOMAIN)) usable.add(FieldRole.DOMAIN);
        if (counts.containsKey(IndicatorType.URL)) usable.add(FieldRole.URL);
        if (counts.containsKey(IndicatorType.EMAIL)) usable.add(FieldRole.EMAIL);
        if (counts.containsKey(IndicatorType.FILE_NAME)) usable.add(FieldRole.FILE_NAME);
        if (counts.containsKey(IndicatorType.FILE_NAME) || counts.containsKey(IndicatorType.FILE_PATH)) usable.add(FieldRole.FILE_PATH);
        if (counts.containsKey(IndicatorType.MD5) || counts.containsKey(IndicatorType.SHA1) || counts.containsKey(IndicatorType.SHA256)) {
            usable.add(FieldRole.HASH);
            usable.add(FieldRole.HASH_LIST);
        }
        return usable;
    }

    private void lookUp(Map<String, Object> fields, Found found) {
        fields.forEach((name, value) -> {
            FieldRole role = role(name);
            if (role == FieldRole.NONE) return;
            switch (value) {
                case String s -> lookUp(role, s, found);
                case List<?> list -> {
                    for (Object o : list) if (o instanceof String s) lookUp(role, s, found);
                }
                default -> { } // numbers hold no indicator
            }
        });
    }

    private FieldRole role(String name) {
        FieldRole r = byName.get(name);
        if (r != null) return r;
        r = roles.getOrDefault(name.toLowerCase(Locale.ROOT), FieldRole.NONE);
        if (byName.size() < MAX_REMEMBERED) byName.put(name, r);
        return r;
    }

    private void lookUp(FieldRole role, String v, Found found) {
        switch (role) {
            case ADDRESS -> set.match(v.indexOf(':') >= 0 && v.indexOf('.') < 0 ? IndicatorType.IPV6 : IndicatorType.IPV4, v, found);
            case DOMAIN -> set.match(IndicatorType.DOMAIN, v, found);
            case URL -> set.match(IndicatorType.URL, v, found);
            case EMAIL -> set.match(IndicatorType.EMAIL, v, found);
            case FILE_NAME -> set.match(IndicatorType.FILE_NAME, v, found);
            case FILE_PATH -> {
                set.match(IndicatorType.FILE_NAME, v, found);
                set.match(IndicatorType.FILE_PATH, v, found);
            }
            case HASH -> hash(v, 0, v.length(), found);
            case HASH_LIST -> {
                for (int from = 0; from < v.length(); ) {
                    int comma = v.indexOf(',', from), end = comma < 0 ? v.length() : comma;
                    int eq = v.indexOf('=', from);
                    if (eq > from && eq < end) hash(v, eq + 1, end, found);
                    from = end + 1;
                }
            }
            case NONE -> { }
        }
    }

    /** A hex hash in v[start, end), spaces around it ignored. */
    private void hash(String v, int start, int end, Found found) {
        while (start < end && Character.isWhitespace(v.charAt(start))) start++;
        while (end > start && Character.isWhitespace(v.charAt(end - 1))) end--;
        set.hash(v, start, end, found);
    }

    /** The indicators one event matched, valid at its time, without duplicates; allocates only on a match. */
    private static final class Found implements IndicatorHit {
        private final Instant at;
        List<Indicator> list = List.of();

        Found(Instant at) {
            this.at = at;
        }

        @Override
        public void hit(Indicator indicator, int start, int end) {
            if (!indicator.validAt(at) || list.contains(indicator)) return;
            if (list.isEmpty()) list = new ArrayList<>(2);
            list.add(indicator);
        }
    }
}
