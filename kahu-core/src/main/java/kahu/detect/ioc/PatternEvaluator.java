package kahu.detect.ioc;

import kahu.ingest.Event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a STIX {@link Pattern} over a sequence of {@link Observation}s (STIX observed-data, or log
 * events through {@link EventObjects}).
 *
 * <p>Inside one observation expression, comparisons on the same object type are bound to the same
 * object (so {@code [ipv4-addr:value = 'a' AND ipv4-addr:value = 'b']} never holds), while different
 * types may be different objects of the observation. Across observations, each node yields the sets of
 * observations that satisfy it; AND unites, FOLLOWEDBY needs the left set to start no later than the
 * right set, WITHIN/START-STOP filter by time span, REPEATS picks n disjoint sets. The number of sets
 * kept per node is capped ({@link #MAX_MATCHES}) so a long sequence cannot explode; that cap is ample for
 * deciding truth on an incident's worth of observations.
 */
public final class PatternEvaluator {
    static final int MAX_MATCHES = 4096;
    /** Object bindings tried per observation expression; observations rarely hold more than a few objects per type. */
    private static final int MAX_BINDINGS = 4096;

    private PatternEvaluator() {}

    /** One way the pattern is satisfied: which observations, and their time span. */
    public record Match(BitSet observations, Instant earliestFirst, Instant latestFirst, Instant latestLast) {
        List<Integer> indices() {
            return observations.stream().boxed().toList();
        }
    }

    public static boolean matches(Pattern pattern, List<Observation> observations) {
        return firstMatch(pattern, observations).isPresent();
    }

    /** The indices (into {@code observations}) of one set of observations satisfying the pattern. */
    public static Optional<List<Integer>> firstMatch(Pattern pattern, List<Observation> observations) {
        List<Match> ms = matchesOf(pattern, observations);
        return ms.isEmpty() ? Optional.empty() : Optional.of(ms.getFirst().indices());
    }

    /** Log events, each one observation with the objects {@link EventObjects} maps it to. */
    public static boolean matchesEvents(Pattern pattern, List<Event> events) {
        return matches(pattern, events.stream().map(EventObjects::observation).toList());
    }

    static List<Match> matchesOf(Pattern p, List<Observation> seq) {
        return switch (p) {
            case Pattern.Observation(Comparison c) -> {
                List<Match> out = new ArrayList<>();
                for (int i = 0; i < seq.size() && out.size() < MAX_MATCHES; i++) {
                    Observation o = seq.get(i);
                    if (holds(c, o)) {
                        BitSet b = new BitSet();
                        b.set(i);
                        out.add(new Match(b, o.first(), o.first(), o.last()));
                    }
                }
                yield out;
            }
            case Pattern.Or(Pattern l, Pattern r) -> distinct(concat(matchesOf(l, seq), matchesOf(r, seq)));
            case Pattern.And(Pattern l, Pattern r) -> combine(matchesOf(l, seq), matchesOf(r, seq), false);
            case Pattern.FollowedBy(Pattern l, Pattern r) -> combine(matchesOf(l, seq), matchesOf(r, seq), true);
            case Pattern.Within(Pattern inner, double seconds) -> matchesOf(inner, seq).stream()
                    .filter(m -> Duration.between(m.earliestFirst(), m.latestLast()).toNanos() <= (long) (seconds * 1e9)).toList();
            case Pattern.StartStop(Pattern inner, Instant start, Instant stop) -> matchesOf(inner, seq).stream()
                    .filter(m -> !m.earliestFirst().isBefore(start) && m.latestLast().isBefore(stop)).toList();
            case Pattern.Repeats(Pattern inner, int times) -> repeats(matchesOf(inner, seq), times);
        };
    }

    private static List<Match> combine(List<Match> left, List<Match> right, boolean followedBy) {
        Map<BitSet, Match> out = new LinkedHashMap<>();
        for (Match l : left) {
            for (Match r : right) {
                if (followedBy && (l.observations().intersects(r.observations()) || l.latestFirst().isAfter(r.earliestFirst()))) continue;
                out.putIfAbsent(union(l, r).observations(), union(l, r));
                if (out.size() >= MAX_MATCHES) return List.copyOf(out.values());
            }
        }
        return List.copyOf(out.values());
    }

    private static List<Match> repeats(List<Match> ms, int times) {
        Map<BitSet, Match> out = new LinkedHashMap<>();
        repeat(ms, 0, times, null, out);
        return List.copyOf(out.values());
    }

    /** Depth-first choice of {@code left} more matches, each disjoint from what is chosen so far. */
    private static void repeat(List<Match> ms, int from, int left, Match acc, Map<BitSet, Match> out) {
        if (left == 0) {
            out.putIfAbsent(acc.observations(), acc);
            return;
        }
        for (int i = from; i < ms.size() && out.size() < MAX_MATCHES; i++) {
            Match m = ms.get(i);
            if (acc != null && acc.observations().intersects(m.observations())) continue;
            repeat(ms, i + 1, left - 1, acc == null ? m : union(acc, m), out);
        }
    }

    private static Match union(Match a, Match b) {
        BitSet bits = (BitSet) a.observations().clone();
        bits.or(b.observations());
        return new Match(bits, min(a.earliestFirst(), b.earliestFirst()), max(a.latestFirst(), b.latestFirst()),
                max(a.latestLast(), b.latestLast()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<Match> concat(List<Match> a, List<Match> b) {
        List<Match> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Match> distinct(List<Match> ms) {
        Map<BitSet, Match> out = new LinkedHashMap<>();
        for (Match m : ms) out.putIfAbsent(m.observations(), m);
        return List.copyOf(out.values());
    }

    // ---- one observation ----

    /** Whether the comparison expression holds on one observation, for some binding of types to objects. */
    public static boolean holds(Comparison c, Observation o) {
        Set<String> types = new LinkedHashSet<>();
        collectTypes(c, types);
        List<String> typeList = List.copyOf(types);
        List<List<Map<String, Object>>> candidates = typeList.stream().map(o::ofType).toList();
        return bind(c, o, typeList, candidates, 0, new LinkedHashMap<>(), new int[] {MAX_BINDINGS});
    }

    private static boolean bind(Comparison c, Observation o, List<String> types, List<List<Map<String, Object>>> candidates,
                                int k, Map<String, Map<String, Object>> binding, int[] budget) {
        if (k == types.size()) {
            budget[0]--;
            return ComparisonHolds.eval(c, binding, o);
        }
        List<Map<String, Object>> objs = candidates.get(k);
        if (objs.isEmpty()) {
            binding.remove(types.get(k));
            return bind(c, o, types, candidates, k + 1, binding, budget);
        }
        for (Map<String, Object> obj : objs) {
            if (budget[0] <= 0) return false;
            binding.put(types.get(k), obj);
            if (bind(c, o, types, candidates, k + 1, binding, budget)) return true;
        }
        return false;
    }

    private static void collectTypes(Comparison c, Set<String> out) {
        switch (c) {
            case Comparison.And(Comparison l, Comparison r) -> {
                collectTypes(l, out);
                collectTypes(r, out);
            }
            case Comparison.Or(Comparison l, Comparison r) -> {
                collectTypes(l, out);
                collectTypes(r, out);
            }
            case Comparison.Test t -> out.add(t.path().objectType());
            case Comparison.Exists e -> out.add(e.path().objectType());
        }
    }
}
