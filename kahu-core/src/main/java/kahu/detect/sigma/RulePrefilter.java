package kahu.detect.sigma;

import kahu.ingest.Event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Narrows a set of rules to those that can match an event before their matchers run. Each rule's
 * necessary literals ({@link NecessaryLiterals#groups}: up to two sets, one literal of each must
 * occur) go into one {@link GramIndex} over all the rules and fields. Each value the rules read is
 * scanned once (every value of the event when a keyword rule needs one); a literal found counts
 * for a field when the value scanned is that field's value in the event. Rules without a
 * necessary literal are always candidates. Candidates are then matched in full, so the prefilter
 * changes speed, never results.
 */
final class RulePrefilter {
    private static final int ANY_FIELD = -1;

    private final int size, words;
    private final long[] always;      // rules without a necessary literal
    private final long[] initial;     // group bits before a scan: the second group is met by rules with only one
    private final String[][] names;   // the fields literals are needed in
    private final int[] slots;
    private final GramIndex index;
    private final int[][] needsOfLiteral; // per literal: pairs (field index or ANY_FIELD, rule × 2 + group)
    private final boolean anyField;

    private RulePrefilter(int size, long[] always, long[] initial, String[][] names, GramIndex index,
                          int[][] needsOfLiteral, boolean anyField) {
        this.size = size;
        this.words = words(size);
        this.always = always;
        this.initial = initial;
        this.names = names;
        this.slots = new int[names.length];
        for (int i = 0; i < names.length; i++) slots[i] = EventFields.slot(names[i]);
        this.index = index;
        this.needsOfLiteral = needsOfLiteral;
        this.anyField = anyField;
    }

    static RulePrefilter of(SigmaRule[] rules) {
        int words = words(rules.length);
        long[] always = new long[words], initial = new long[2 * words];
        Map<List<String>, Integer> fields = new LinkedHashMap<>();
        Map<String, List<Integer>> needs = new LinkedHashMap<>(); // literal → pairs
        boolean anyField = false;
        for (int r = 0; r < rules.length; r++) {
            List<Set<NecessaryLiterals.Need>> groups = NecessaryLiterals.groups(rules[r].detection());
            if (groups.isEmpty()) always[r >>> 6] |= 1L << r;
            if (groups.size() < 2) initial[words + (r >>> 6)] |= 1L << r;
            for (int g = 0; g < groups.size(); g++) {
                for (NecessaryLiterals.Need n : groups.get(g)) {
                    int field = n.anyField() ? ANY_FIELD : fields.computeIfAbsent(n.names(), k -> fields.size());
                    anyField |= n.anyField();
                    List<Integer> pairs = needs.computeIfAbsent(n.literal(), k -> new ArrayList<>());
                    pairs.add(field);
                    pairs.add(r * 2 + g);
                }
            }
        }
        List<String> literals = new ArrayList<>(needs.keySet());
        int[][] needsOf = new int[literals.size()][];
        for (int i = 0; i < needsOf.length; i++) needsOf[i] = needs.get(literals.get(i)).stream().mapToInt(Integer::intValue).toArray();
        String[][] names = fields.keySet().stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new);
        GramIndex index = literals.isEmpty() ? null : GramIndex.of(literals);
        return new RulePrefilter(rules.length, always, initial, names, index, needsOf, anyField);
    }

    /** The rules (as a bit set over the array given to {@link #of}; {@link #words()} long) that may match the event. */
    long[] candidates(Event e) {
        return candidates(EventFields.uncached(e));
    }

    long[] candidates(EventFields e) {
        Scan scan = new Scan(e, initial.clone());
        if (index != null) {
            if (anyField) {
                for (Object v : e.values()) if (v != null) scan.value(v, v);
            } else {
                Object[] done = new Object[names.length];
                for (int i = 0; i < names.length; i++) {
                    Object v = e.value(slots[i], names[i]);
                    if (v != null && !scanned(done, i, v)) scan.value(v, v);
                    done[i] = v;
                }
            }
        }
        long[] bits = scan.bits;
        for (int w = 0; w < words; w++) bits[w] = always[w] | (bits[w] & bits[words + w]);
        return bits;
    }

    /** Whether one of the first {@code n} fields had the same value (e.g. {@code Image} under two alias lists). */
    private static boolean scanned(Object[] done, int n, Object v) {
        for (int i = 0; i < n; i++) if (done[i] == v) return true;
        return false;
    }

    /** One event's scan: marks (rule, group) bits for literals found in a value owned by the field that needs them. */
    private final class Scan implements GramIndex.Found {
        final EventFields event;
        final long[] bits;
        Object owner; // the event's value being scanned (a list or number as well as text)
        long checked, owns; // of the first 64 fields: which were compared with the owner, and which it is the value of

        Scan(EventFields event, long[] bits) {
            this.event = event;
            this.bits = bits;
        }

        void value(Object owner, Object v) {
            this.owner = owner;
            checked = owns = 0;
            switch (v) {
                case String s -> index.find(s, this);
                case List<?> list -> {
                    for (Object o : list) if (o != null) value(owner, o);
                }
                default -> index.find(String.valueOf(v), this);
            }
        }

        @Override
        public void literal(int li) {
            int[] pairs = needsOfLiteral[li];
            for (int p = 0; p < pairs.length; p += 2) {
                int field = pairs[p];
                if (field != ANY_FIELD && !owns(field)) continue;
                int r = pairs[p + 1] >>> 1, at = (pairs[p + 1] & 1) * words + (r >>> 6);
                bits[at] |= 1L << r;
            }
        }

        /** Whether the value scanned is the field's value in the event; asked once per value and field (a common literal has many rules). */
        private boolean owns(int field) {
            if (field >= 64) return event.value(slots[field], names[field]) == owner;
            long bit = 1L << field;
            if ((checked & bit) == 0) {
                checked |= bit;
                if (event.value(slots[field], names[field]) == owner) owns |= bit;
            }
            return (owns & bit) != 0;
        }
    }

    int size() {
        return size;
    }

    int words() {
        return words;
    }

    private static int words(int n) {
        return (n + 63) >>> 6;
    }
}
