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
        // A Winlogbeat/ECS document names its own channel in winlog.channel; route by that even when the reader
        // also exposes a short "Channel", which can be an event-data item (System 104 names the cleared log so).
        Object ecsChannel = e.fields().get(logSources.ecsChannel());
        Object channel = ecsChannel != null ? ecsChannel : e.fields().get("Channel");
        Object id = ecsChannel != null ? e.fields().get(logSources.ecsEventId()) : e.fields().get("EventID");
        if (id instanceof String s) id = numeric(s);
        if (channel instanceof String c) {
            Bucket b = byChannel.get(c);
            if (b != null) {
                run(b, id, e, out, null);
                run(windowsAny, id, e, out, b);
            } else {
                run(windowsAny, id, e, out, null);
            }
            return;
        }
        for (String key : logSources.keysOfFormat(e.format())) {
            Bucket b = byKey.get(key);
            if (b != null) run(b, null, e, out, null);
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

    /** {@code seen}: a bucket already run for this event, whose rules must not be reported twice. */
    private static void run(Bucket b, Object id, Event e, Consumer<SigmaMatch> out, Bucket seen) {
        if (id instanceof Number n) {
            RuleSet rs = b.byEventId().get(n.longValue());
            if (rs != null) run(rs, e, out, seen);
        }
        run(b.anyEventId(), e, out, seen);
    }

    private static void run(RuleSet rs, Event e, Consumer<SigmaMatch> out, Bucket seen) {
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

    private static void test(SigmaRule r, Event e, Consumer<SigmaMatch> out, Bucket seen) {
        if (seen != null && contains(seen, r)) return;
        if (r.detection().matches(e)) out.accept(new SigmaMatch(r, e, MatchedFields.of(r.detection(), e)));
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
