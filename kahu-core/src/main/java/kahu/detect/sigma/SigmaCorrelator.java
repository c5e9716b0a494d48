package kahu.detect.sigma;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs correlation rules over a stream of rule matches: an in-memory sliding window per
 * correlation and group key. Counts are judged as each match arrives; when a correlation fires
 * its group's window starts afresh, so one burst gives one alert. Matches whose event has no
 * timestamp cannot be placed in time and are skipped (counted in {@link #untimed()}). Matches
 * are expected in roughly time order; the window is cut relative to the newest one seen.
 * Not thread-safe: one correlator per stream.
 */
public final class SigmaCorrelator {
    /** One input to a window: a base-rule match or a fired correlation (chains), with its group values. */
    private record Signal(int ruleIndex, Instant time, String value, List<SigmaMatch> sources) {}

    /** A correlation ready to run: its named rules resolved to ids and correlation names. */
    private record Compiled(SigmaCorrelation c, List<String> refs) {}

    private final List<Compiled> compiled;
    private final Map<Compiled, Map<List<String>, ArrayDeque<Signal>>> windows = new HashMap<>();
    private final List<Rejection> rejected;
    private long untimed;

    private SigmaCorrelator(List<Compiled> compiled, List<Rejection> rejected) {
        this.compiled = compiled;
        this.rejected = rejected;
    }

    /** Resolves each correlation's rule references (by id or name) against the rules and the other correlations. */
    public static SigmaCorrelator compile(List<SigmaCorrelation> correlations, List<SigmaRule> rules) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (SigmaRule r : rules) {
            if (r.id() != null) known.add(r.id());
            if (r.name() != null) known.add(r.name());
        }
        for (SigmaCorrelation c : correlations) {
            if (c.id() != null) known.add(c.id());
            if (c.name() != null) known.add(c.name());
        }
        List<Compiled> ok = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (SigmaCorrelation c : correlations) {
            List<String> missing = c.rules().stream().filter(r -> !known.contains(r)).toList();
            if (missing.isEmpty()) ok.add(new Compiled(c, c.rules()));
            else rejected.add(new Rejection(c.file(), "correlation '" + c.title() + "' names unknown rules " + missing));
        }
        return new SigmaCorrelator(List.copyOf(ok), List.copyOf(rejected));
    }

    public List<Rejection> rejected() {
        return rejected;
    }

    public long untimed() {
        return untimed;
    }

    /** Whether a rule's own matches are alerts: not when only correlations use it (unless they say generate). */
    public boolean alertsAlone(SigmaRule r) {
        for (Compiled c : compiled) {
            if (refersTo(c, r.id(), r.name()) && !c.c().generate()) return false;
        }
        return true;
    }

    /** Feeds one rule match; fired correlations (and those they fire in turn) go to {@code out}. */
    public void accept(SigmaMatch m, Consumer<CorrelationMatch> out) {
        Instant t = m.event().timestamp();
        if (t == null) {
            untimed++;
            return;
        }
        for (Compiled c : compiled) {
            int index = indexOf(c, m.rule().id(), m.rule().name());
            if (index < 0) continue;
            List<String> key = new ArrayList<>(c.c().groupBy().size());
            // A missing group-by field counts as the empty value: such events form one group.
            for (String g : c.c().groupBy()) key.add(orEmpty(text(m.event().get(c.c().fieldFor(g, m.rule())))));
            String value = c.c().type() == SigmaCorrelation.Type.VALUE_COUNT
                    ? text(m.event().get(c.c().fieldFor(c.c().field(), m.rule()))) : null;
            if (c.c().type() == SigmaCorrelation.Type.VALUE_COUNT && value == null) continue; // no value to count
            offer(c, key, new Signal(index, t, value, List.of(m)), out);
        }
    }

    private void offer(Compiled c, List<String> key, Signal s, Consumer<CorrelationMatch> out) {
        ArrayDeque<Signal> w = windows.computeIfAbsent(c, x -> new HashMap<>()).computeIfAbsent(key, x -> new ArrayDeque<>());
        Instant from = s.time().minus(c.c().timespan());
        while (!w.isEmpty() && w.peekFirst().time().isBefore(from)) w.pollFirst();
        w.addLast(s);
        if (!fires(c, w)) return;
        List<SigmaMatch> sources = new ArrayList<>();
        // For an ordered sequence only the matches that form it are evidence, not others in the window.
        Iterable<Signal> used = c.c().type() == SigmaCorrelation.Type.TEMPORAL_ORDERED ? sequence(c.refs().size(), w) : w;
        for (Signal x : used) sources.addAll(x.sources());
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) group.put(c.c().groupBy().get(i), key.get(i));
        CorrelationMatch fired = new CorrelationMatch(c.c(), group, w.peekFirst().time(), s.time(), sources);
        windows.get(c).remove(key);
        out.accept(fired);
        chain(c.c(), fired, key, out);
    }

    /** A fired correlation is itself a match for correlations that name it; its group values carry over by name. */
    private void chain(SigmaCorrelation fired, CorrelationMatch m, List<String> key, Consumer<CorrelationMatch> out) {
        for (Compiled c : compiled) {
            int index = indexOf(c, fired.id(), fired.name());
            if (index < 0) continue;
            List<String> k = new ArrayList<>();
            for (String g : c.c().groupBy()) k.add(m.group().getOrDefault(g, ""));
            offer(c, k, new Signal(index, m.last(), null, m.matches()), out);
        }
    }

    private static boolean fires(Compiled c, ArrayDeque<Signal> w) {
        return switch (c.c().type()) {
            case EVENT_COUNT -> c.c().holds(w.size());
            case VALUE_COUNT -> c.c().holds(w.stream().map(Signal::value).distinct().count());
            case TEMPORAL -> c.c().holds(w.stream().mapToInt(Signal::ruleIndex).distinct().count());
            case TEMPORAL_ORDERED -> inOrder(c.refs().size(), w);
        };
    }

    /** Whether the window holds matches of the named rules in their listed order (as a subsequence). */
    private static boolean inOrder(int n, ArrayDeque<Signal> w) {
        return sequence(n, w).size() == n;
    }

    /** The earliest matches that follow the listed order, as far as the window has them. */
    private static List<Signal> sequence(int n, ArrayDeque<Signal> w) {
        List<Signal> seq = new ArrayList<>(n);
        for (Signal s : w) {
            if (s.ruleIndex() == seq.size()) seq.add(s);
            if (seq.size() == n) break;
        }
        return seq;
    }

    private static boolean refersTo(Compiled c, String id, String name) {
        return indexOf(c, id, name) >= 0;
    }

    private static int indexOf(Compiled c, String id, String name) {
        for (int i = 0; i < c.refs().size(); i++) {
            String r = c.refs().get(i);
            if (r.equals(id) || (name != null && r.equals(name))) return i;
        }
        return -1;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String text(Object v) {
        return switch (v) {
            case null -> null;
            case List<?> l -> String.join("\n", l.stream().map(String::valueOf).toList());
            default -> String.valueOf(v);
        };
    }
}
