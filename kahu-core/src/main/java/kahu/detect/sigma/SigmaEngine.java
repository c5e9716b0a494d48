package kahu.detect.sigma;

import kahu.ingest.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Compiled rules, indexed so that an event is only tested against rules that can match it:
 * Windows events by channel then event ID, other events by their reader format's log-source keys.
 * An event runs one rule set: its channel's rules for its ID and for any ID together with the
 * rules for any Windows event, merged (and prefiltered) as one, so that each value is scanned once
 * and no rule is reported twice. Thread-safe; the merged sets are built on first use.
 */
public final class SigmaEngine {
    /** Rules tested together, with a literal prefilter when there are enough of them to pay for it. */
    private record RuleSet(SigmaRule[] rules, RulePrefilter prefilter) {
        static final int PREFILTER_MIN = 16;

        static RuleSet of(List<SigmaRule[]> parts) {
            Set<SigmaRule> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<SigmaRule> rules = new ArrayList<>();
            for (SigmaRule[] part : parts) for (SigmaRule r : part) if (seen.add(r)) rules.add(r);
            SigmaRule[] a = rules.toArray(SigmaRule[]::new);
            return new RuleSet(a, a.length >= PREFILTER_MIN ? RulePrefilter.of(a) : null);
        }
    }

    /**
     * Rules of one channel or log key: by event ID, and those that take any ID; {@code also}: the
     * rules for any Windows event, which a channel's events run too.
     */
    private static final class Bucket {
        final Map<Long, SigmaRule[]> byEventId;
        final SigmaRule[] anyEventId;
        final Bucket also;
        final RuleSet forAnyId;
        final Map<Long, RuleSet> forId = new java.util.concurrent.ConcurrentHashMap<>(); // IDs from SMALL_IDS up
        final RuleSet[] small = new RuleSet[SMALL_IDS]; // by event ID, filled on first use: 32 kB a channel
        static final int SMALL_IDS = 1 << 13;           // Windows and Sysmon event IDs are below it

        Bucket(Map<Long, SigmaRule[]> byEventId, SigmaRule[] anyEventId, Bucket also) {
            this.byEventId = Map.copyOf(byEventId);
            this.anyEventId = anyEventId;
            this.also = also;
            this.forAnyId = RuleSet.of(also == null ? List.<SigmaRule[]>of(anyEventId) : List.of(anyEventId, also.anyEventId));
        }

        /** The one rule set an event of this channel (or key) with this ID runs. */
        RuleSet ruleSet(Object id) {
            if (id instanceof Number n) {
                long v = n.longValue();
                if (v >= 0 && v < SMALL_IDS) { // Windows event IDs: one array read, no boxing
                    RuleSet rs = small[(int) v];
                    if (rs != null) return rs;
                    synchronized (this) { // built once per ID on first use (the rules for any ID when none names it)
                        if (small[(int) v] == null) small[(int) v] = hasRules(v) ? merged(v) : forAnyId;
                        return small[(int) v];
                    }
                }
                if (hasRules(v)) return forId.computeIfAbsent(v, this::merged);
            }
            return forAnyId;
        }

        private boolean hasRules(Long id) {
            return byEventId.containsKey(id) || also != null && also.byEventId.containsKey(id);
        }

        private RuleSet merged(Long id) {
            SigmaRule[] none = new SigmaRule[0];
            return RuleSet.of(also == null ? List.of(byEventId.getOrDefault(id, none), anyEventId)
                    : List.of(byEventId.getOrDefault(id, none), anyEventId, also.byEventId.getOrDefault(id, none), also.anyEventId));
        }
    }

    private final List<SigmaRule> rules;
    private final Map<String, Bucket> byChannel; // case-insensitive channel names
    private final Map<String, Bucket> byChannelExact; // the same under the rules' own spelling: one hash look-up for most events
    private final Map<String, Bucket> byKey;
    private final Bucket windowsAny;
    private final LogSources logSources = LogSources.standard();

    private SigmaEngine(List<SigmaRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Map<Long, List<SigmaRule>>> ids = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<SigmaRule>> any = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (SigmaRule r : rules) {
            Set<Long> detectionIds = EventIds.required(r.detection());
            for (LogSources.Target t : r.targets()) {
                String key = t.channel() != null ? "channel:" + t.channel() : t.key();
                Set<Long> eids = t.eventIds();
                if (detectionIds != null) {
                    if (eids == null) eids = detectionIds;
                    else {
                        eids = new java.util.HashSet<>(eids);
                        eids.retainAll(detectionIds);
                    }
                }
                if (eids == null) {
                    any.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                } else {
                    for (Long id : eids) ids.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(r);
                }
            }
        }
        Map<String, Bucket> channels = new TreeMap<>(String.CASE_INSENSITIVE_ORDER), keys = new LinkedHashMap<>();
        java.util.Set<String> allKeys = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        allKeys.addAll(ids.keySet());
        allKeys.addAll(any.keySet());
        allKeys.remove(LogSources.WINDOWS_ANY);
        this.windowsAny = bucket(LogSources.WINDOWS_ANY, ids, any, null);
        for (String k : allKeys) {
            if (k.regionMatches(true, 0, "channel:", 0, 8)) channels.put(k.substring(8), bucket(k, ids, any, windowsAny));
            else keys.put(k, bucket(k, ids, any, null));
        }
        keys.put(LogSources.WINDOWS_ANY, windowsAny);
        this.byChannel = channels;
        this.byChannelExact = Map.copyOf(channels);
        this.byKey = Map.copyOf(keys);
    }

    private static Bucket bucket(String key, Map<String, Map<Long, List<SigmaRule>>> ids, Map<String, List<SigmaRule>> any, Bucket also) {
        Map<Long, SigmaRule[]> byId = new HashMap<>();
        ids.getOrDefault(key, Map.of()).forEach((id, l) -> byId.put(id, l.toArray(SigmaRule[]::new)));
        return new Bucket(byId, any.getOrDefault(key, List.of()).toArray(SigmaRule[]::new), also);
    }

    public static SigmaEngine compile(List<SigmaRule> rules) {
        return new SigmaEngine(rules);
    }

    /** Compiles the rules with the Sigma filters that apply to them (each filter's condition ANDed in). */
    public static SigmaEngine compile(List<SigmaRule> rules, List<SigmaFilter> filters) {
        List<SigmaRule> filtered = new ArrayList<>(rules.size());
        for (SigmaRule r : rules) {
            SigmaRule x = r;
            for (SigmaFilter f : filters) if (f.appliesTo(r)) x = x.withFilter(f);
            filtered.add(x);
        }
        return new SigmaEngine(filtered);
    }

    /** Convenience: the rules and filters of a load result. */
    public static SigmaEngine compile(LoadResult loaded) {
        return compile(loaded.loaded(), loaded.filters());
    }

    public List<SigmaRule> rules() {
        return rules;
    }

    /** Tests the event against every rule that applies to it; each matching rule is reported once. */
    public void match(Event e, Consumer<SigmaMatch> out) {
        EventFields f = EventFields.acquire(e);
        try {
            route(e, rs -> run(rs, f, out));
        } finally {
            f.release();
        }
    }

    private static void run(RuleSet rs, EventFields e, Consumer<SigmaMatch> out) {
        SigmaRule[] rules = rs.rules();
        if (rs.prefilter() == null) {
            for (SigmaRule r : rules) test(r, e, out);
            return;
        }
        long[] candidates = rs.prefilter().candidates(e);
        for (int w = 0, n = rs.prefilter().words(); w < n; w++) {
            for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
                test(rules[(w << 6) + Long.numberOfTrailingZeros(bits)], e, out);
            }
        }
    }

    private static void test(SigmaRule r, EventFields e, Consumer<SigmaMatch> out) {
        if (r.detection().matches(e)) out.accept(new SigmaMatch(r, e.event(), MatchedFields.of(r.detection(), e)));
    }

    /**
     * The rules the index picks for the event, before the prefilter: with the plain matcher, the
     * reference that {@link #match} must agree with.
     */
    List<SigmaRule> applicable(Event e) {
        List<SigmaRule> out = new ArrayList<>();
        route(e, rs -> out.addAll(List.of(rs.rules())));
        return out;
    }

    private void route(Event e, Consumer<RuleSet> run) {
        // A Winlogbeat/ECS document names its own channel in winlog.channel; route by that even when the reader
        // also exposes a short "Channel", which can be an event-data item (System 104 names the cleared log so).
        Object ecsChannel = e.fields().get(logSources.ecsChannel());
        Object channel = ecsChannel != null ? ecsChannel : e.fields().get("Channel");
        Object id = ecsChannel != null ? e.fields().get(logSources.ecsEventId()) : e.fields().get("EventID");
        if (id instanceof String s) id = numeric(s);
        if (channel instanceof String c) {
            Bucket b = byChannelExact.get(c);
            run.accept((b != null ? b : byChannel.getOrDefault(c, windowsAny)).ruleSet(id));
            return;
        }
        for (String key : logSources.keysOfFormat(e.format())) {
            Bucket b = byKey.get(key);
            if (b != null) run.accept(b.ruleSet(null));
        }
    }

    /** An event ID written as text (some exports do), as a number for the index; else unchanged. */
    private static Object numeric(String s) {
        if (s.isEmpty() || s.length() > 9) return s;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return s;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Convenience for tests and small inputs: all matches of an event. */
    public List<SigmaMatch> matches(Event e) {
        List<SigmaMatch> out = new ArrayList<>();
        match(e, out::add);
        return out;
    }
}
