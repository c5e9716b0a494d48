package kahu.detect.sigma;

import kahu.ingest.Event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Narrows a set of rules to those that can match an event before their matchers run. Each rule's
 * necessary literals ({@link NecessaryLiterals}) are merged, per field, into one {@link GramIndex}
 * over all the rules; one pass over each field's value marks the rules whose literal occurs
 * (keywords: over every value of the event). Rules without a necessary literal are always
 * candidates. Candidates are then matched in full, so the prefilter changes speed, never results.
 */
final class RulePrefilter {
    /** One field's literals; literal i is needed by the rules {@code rulesOfLiteral[i]}. No names: any field. */
    private record FieldLiterals(String[] names, int slot, GramIndex index, int[][] rulesOfLiteral) {}

    private final int size;
    private final long[] always;
    private final FieldLiterals[] fields;

    private RulePrefilter(int size, long[] always, FieldLiterals[] fields) {
        this.size = size;
        this.always = always;
        this.fields = fields;
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
        List<FieldLiterals> fields = new ArrayList<>();
        byField.forEach((names, literals) -> {
            List<String> words = new ArrayList<>(literals.keySet());
            int[][] rulesOf = new int[words.size()][];
            for (int i = 0; i < words.size(); i++) rulesOf[i] = literals.get(words.get(i)).stream().mapToInt(Integer::intValue).distinct().toArray();
            String[] n = names.toArray(String[]::new);
            fields.add(new FieldLiterals(n, EventFields.slot(n), GramIndex.of(words), rulesOf));
        });
        return new RulePrefilter(rules.length, always, fields.toArray(FieldLiterals[]::new));
    }

    /** The rules (as a bit set over the array given to {@link #of}) that may match the event. */
    long[] candidates(Event e) {
        return candidates(EventFields.uncached(e));
    }

    long[] candidates(EventFields e) {
        long[] bits = always.clone();
        for (FieldLiterals f : fields) {
            if (f.names().length == 0) {
                for (Object v : e.event().fields().values()) if (v != null) mark(f, v, bits);
                continue;
            }
            Object v = e.value(f.slot(), f.names());
            if (v != null) mark(f, v, bits);
        }
        return bits;
    }

    private static void mark(FieldLiterals f, Object v, long[] bits) {
        switch (v) {
            case String s -> f.index().markRules(s, f.rulesOfLiteral(), bits);
            case List<?> list -> {
                for (Object o : list) if (o != null) mark(f, o, bits);
            }
            default -> mark(f, String.valueOf(v), bits);
        }
    }

    int size() {
        return size;
    }

    private static int words(int n) {
        return (n + 63) >>> 6;
    }
}
