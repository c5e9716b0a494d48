package kahu.detect.sigma;

import kahu.ingest.Event;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

import java.util.ArrayList;
import java.util.HashMap;
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
    /** One field's automaton: lower-case literal → the rules (indices) that need it. */
    private record FieldAutomaton(String[] names, Trie trie, Map<String, int[]> rulesByLiteral) {}

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
            Map<String, int[]> idx = new HashMap<>();
            literals.forEach((l, r) -> idx.put(l, r.stream().mapToInt(Integer::intValue).distinct().toArray()));
            automata.add(new FieldAutomaton(names.toArray(String[]::new), Trie.builder().ignoreCase().addKeywords(literals.keySet()).build(), Map.copyOf(idx)));
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
            case String s -> {
                for (Emit m : a.trie().parseText(s)) {
                    int[] rules = a.rulesByLiteral().get(m.getKeyword());
                    if (rules == null) { // cannot happen with ASCII literals; stay sound if it does
                        java.util.Arrays.fill(bits, -1L);
                        return;
                    }
                    for (int r : rules) bits[r >>> 6] |= 1L << r;
                }
            }
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
