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
 * Immutable and thread-safe once built.
 */
public final class SigmaEngine {
    /** Rules of one channel or log key: by event ID, and those that take any ID. */
    private record Bucket(Map<Long, RuleSet> byEventId, RuleSet anyEventId) {
        static final Bucket EMPTY = new Bucket(Map.of(), RuleSet.of(new SigmaRule[0]));
    }

    /** Rules tested together, with a literal prefilter when there are enough of them to pay for it. */
    private record RuleSet(SigmaRule[] rules, RulePrefilter prefilter) {
        static final int PREFILTER_MIN = 16;

        static RuleSet of(SigmaRule[] rules) {
            return new RuleSet(rules, rules.length >= PREFILTER_MIN ? RulePrefilter.of(rules) : null);
        }
    }

    private final List<SigmaRule> rules;
    private final Map<String, Bucket> byChannel; // case-insensitive channel names
    private final Map<String, Bucket> byKey;
    private final Bucket windowsAny;
    /** Rules in a channel's bucket, by identity: only they need the duplicate check when {@link #windowsAny} runs after it. */
    private final Set<SigmaRule> alsoInChannels;
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
        for (String k : allKeys) {
            Map<Long, RuleSet> byId = new HashMap<>();
            ids.getOrDefault(k, Map.of()).forEach((id, l) -> byId.put(id, RuleSet.of(dedupe(l))));
            Bucket b = new Bucket(Map.copyOf(byId), RuleSet.of(dedupe(any.getOrDefault(k, List.of()))));
            if (k.regionMatches(true, 0, "channel:", 0, 8)) channels.put(k.substring(8), b);
            else keys.put(k, b);
        }
        this.byChannel = channels;
        this.byKey = Map.copyOf(keys);
        this.windowsAny = byKey.getOrDefault(LogSources.WINDOWS_ANY, Bucket.EMPTY);
        Set<SigmaRule> inChannels = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Bucket b : channels.values()) {
            inChannels.addAll(List.of(b.anyEventId().rules()));
            for (RuleSet rs : b.byEventId().values()) inChannels.addAll(List.of(rs.rules()));
        }
        this.alsoInChannels = inChannels;
    }

    private static SigmaRule[] dedupe(List<SigmaRule> l) {
        return l.stream().distinct().toArray(SigmaRule[]::new);
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
        EventFields f = EventFields.cached(e);
        route(e, (rs, seen) -> run(rs, f, out, seen));
    }

    private void run(RuleSet rs, EventFields e, Consumer<SigmaMatch> out, Bucket seen) {
        SigmaRule[] rules = rs.rules();
        if (rs.prefilter() == null) {
            for (SigmaRule r : rules) test(r, e, out, seen);
            return;
        }
        long[] candidates = rs.prefilter().candidates(e);
        for (int w = 0; w < candidates.length; w++) {
            for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
                test(rules[(w << 6) + Long.numberOfTrailingZeros(bits)], e, out, seen);
            }
        }
    }

    private void test(SigmaRule r, EventFields e, Consumer<SigmaMatch> out, Bucket seen) {
        if (seen != null && alsoInChannels.contains(r) && contains(seen, r)) return;
        if (r.detection().matches(e)) out.accept(new SigmaMatch(r, e.event(), MatchedFields.of(r.detection(), e.event())));
    }

    /**
     * The rules the index picks for the event, before the prefilter: with the plain matcher, the
     * reference that {@link #match} must agree with.
     */
    List<SigmaRule> applicable(Event e) {
        List<SigmaRule> out = new ArrayList<>();
        route(e, (rs, seen) -> {
            for (SigmaRule r : rs.rules()) if (seen == null || !contains(seen, r)) out.add(r);
        });
        return out;
    }

    /** A set of rules to run; {@code seen}: a bucket already run for this event, whose rules must not be reported twice. */
    private interface Visit {
        void ruleSet(RuleSet rs, Bucket seen);
    }

    private void route(Event e, Visit v) {
        Object channel = e.fields().get("Channel");
        Object id = e.fields().get("EventID");
        if (channel == null) { // a Winlogbeat/ECS document of a Windows event
            channel = e.fields().get(logSources.ecsChannel());
            id = e.fields().get(logSources.ecsEventId());
        }
        if (id instanceof String s) id = numeric(s);
        if (channel instanceof String c) {
            Bucket b = byChannel.get(c);
            if (b != null) {
                route(b, id, v, null);
                route(windowsAny, id, v, b);
            } else {
                route(windowsAny, id, v, null);
            }
            return;
        }
        for (String key : logSources.keysOfFormat(e.format())) {
            Bucket b = byKey.get(key);
            if (b != null) route(b, null, v, null);
        }
    }

    private static void route(Bucket b, Object id, Visit v, Bucket seen) {
        if (id instanceof Number n) {
            RuleSet rs = b.byEventId().get(n.longValue());
            if (rs != null) v.ruleSet(rs, seen);
        }
        v.ruleSet(b.anyEventId(), seen);
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

    private static boolean contains(Bucket b, SigmaRule r) {
        for (SigmaRule x : b.anyEventId().rules()) if (x == r) return true;
        for (RuleSet xs : b.byEventId().values()) for (SigmaRule x : xs.rules()) if (x == r) return true;
        return false;
    }

    /** Convenience for tests and small inputs: all matches of an event. */
    public List<SigmaMatch> matches(Event e) {
        List<SigmaMatch> out = new ArrayList<>();
        match(e, out::add);
        return out;
    }
}
