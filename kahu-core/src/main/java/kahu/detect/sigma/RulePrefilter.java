package kahu.detect.sigma;

import kahu.ingest.Event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Narrows a set of rules to those that can match an event before their matchers run. Each rule's
 * necessary literals ({@link NecessaryLiterals}) are merged, per field, into one Aho-Corasick
 * automaton over all the rules; one pass over each field's value marks the rules whose literal
 * occurs. Rules without a necessary literal are always candidates. Candidates are then matched in
 * full, so the prefilter changes speed, never results.
 */
final class RulePrefilter {
    /** One field's automaton; literal i is needed by the rules {@code rulesOfLiteral[i]}. */
    private record FieldAutomaton(String[] names, LiteralAutomaton automaton, int[][] rulesOfLiteral) {}

    private final int size;
    private final long[] always;
    private final FieldAutomaton[] automata;

    private RulePrefilter(int size, long[] always, FieldAutomaton[] automata) {
        this.size = size;
        this.always = always;
        this.automata = automata;
    }

    static RulePrefilter of(SigmaRule[] rules) {
        long[] always = new long[words(rules.length)];
        Map<List<String>, Map<String, List<Integer>>> byField = new LinkedHashMap<>();
        for (int i = 0; i < rules.length; i++) {
            Set<NecessaryLiterals.Need> needs = NecessaryLiterals.of(rules[i].detection());
            if (needs == null) {
                always[i >>> 6] |= 1L << i;
                continue;
            }
            for (NecessaryLiterals.Need n : needs) {
                byField.computeIfAbsent(n.names(), k -> new LinkedHashMap<>()).computeIfAbsent(n.literal(), k -> new ArrayList<>()).add(i);
            }
        }
        List<FieldAutomaton> automata = new ArrayList<>();
        byField.forEach((names, literals) -> {
            List<String> words = new ArrayList<>(literals.keySet());
            int[][] rulesOf = new int[words.size()][];
            for (int i = 0; i < words.size(); i++) rulesOf[i] = literals.get(words.get(i)).stream().mapToInt(Integer::intValue).distinct().toArray();
            automata.add(new FieldAutomaton(names.toArray(String[]::new), LiteralAutomaton.of(words), rulesOf));
        });
        return new RulePrefilter(rules.length, always, automata.toArray(FieldAutomaton[]::new));
    }

    /** The rules (as a bit set over the array given to {@link #of}) that may match the event. */
    long[] candidates(Event e) {
        long[] bits = always.clone();
        for (FieldAutomaton a : automata) {
            Object v = Matcher.lookup(e, a.names());
            if (v != null) mark(a, v, bits);
        }
        return bits;
    }

    private static void mark(FieldAutomaton a, Object v, long[] bits) {
        switch (v) {
            case String s -> a.automaton().markRules(s, a.rulesOfLiteral(), bits);
            case List<?> list -> {
                for (Object o : list) if (o != null) mark(a, o, bits);
            }
            default -> mark(a, String.valueOf(v), bits);
        }
    }

    int size() {
        return size;
    }

    private static int words(int n) {
        return (n + 63) >>> 6;
    }
}
