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
 * occur) are indexed by the field that must hold them: each field the rules name has its own
 * {@link GramIndex} of its literals and the keyword literals (a keyword may be in any value), and
 * the field's value in the event is scanned with it; the event's other values, which no rule
 * names, are scanned with the keyword literals alone. The scan walks the event's fields once
 * (which rule fields a key may be is memoised per key), so the fields rules name but the event
 * lacks cost nothing. So a literal found is always in a value
 * that counts for it, and common literals ({@code \windows\}, {@code .exe}) found in fields that
 * do not need them cost nothing. Rules without a necessary literal are candidates unless their
 * {@link CharNeeds} (a char one of their fields must hold) fail on the event's summary of that field.
 * Candidates are then matched in full, so the prefilter changes speed, never results.
 *
 * <p>Replaced one index over all fields' literals that scanned every value of the event (every
 * Windows rule set holds the keyword rules for any Windows event) and checked for each literal
 * found which fields the value belonged to: measured in SigmaBench, that was half the matching
 * time, most of it in the reports of literals found in the wrong field.
 */
final class RulePrefilter {
    private final int size, words;
    private final long[] always;       // rules without a necessary literal
    private final long[] initial;      // group bits before a scan: the second group is met by rules with only one
    private final String[][] names;    // the fields literals are needed in
    private final int[] slots;
    private final Scanner[] byField;   // per field (null when it has no literal and there is no keyword literal)
    private final Scanner keywords;    // keyword literals alone, for the values no field names; null if none
    private final Map<String, int[]> byKey;  // folded field name → the fields having it
    private final Map<String, int[]> fieldsOfKey = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int[] NONE = {};
    private static final int MEMO_MAX = 4096;

    /** An index and, per literal of it, the (rule × 2 + group) bits a literal found sets. */
    private record Scanner(GramIndex index, int[][] codes) {
        static Scanner of(Map<String, List<Integer>> codesByLiteral) {
            if (codesByLiteral.isEmpty()) return null;
            List<String> literals = new ArrayList<>(codesByLiteral.keySet());
            int[][] codes = new int[literals.size()][];
            for (int i = 0; i < codes.length; i++) codes[i] = codesByLiteral.get(literals.get(i)).stream().mapToInt(Integer::intValue).distinct().toArray();
            return new Scanner(GramIndex.of(literals), codes);
        }
    }

    private final int[] charRules;        // always-candidates with a char need, and their needs
    private final CharNeeds[] charNeeds;

    private RulePrefilter(int size, long[] always, long[] initial, String[][] names, Scanner[] byField, Scanner keywords,
                          int[] charRules, CharNeeds[] charNeeds) {
        this.size = size;
        this.words = words(size);
        this.always = always;
        this.initial = initial;
        this.names = names;
        this.slots = new int[names.length];
        for (int i = 0; i < names.length; i++) slots[i] = EventFields.slot(names[i]);
        this.byField = byField;
        this.keywords = keywords;
        this.charRules = charRules;
        this.charNeeds = charNeeds;
        Map<String, List<Integer>> byName = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                List<Integer> fs = byName.computeIfAbsent(Folded.fold(n), k -> new ArrayList<>());
                if (!fs.contains(i)) fs.add(i);
            }
        }
        Map<String, int[]> byKey = new java.util.HashMap<>();
        byName.forEach((n, fs) -> byKey.put(n, fs.stream().mapToInt(Integer::intValue).toArray()));
        this.byKey = Map.copyOf(byKey);
    }

    static RulePrefilter of(SigmaRule[] rules) {
        int words = words(rules.length);
        long[] always = new long[words], initial = new long[2 * words];
        Map<List<String>, Map<String, List<Integer>>> fields = new LinkedHashMap<>(); // field → literal → codes
        Map<String, List<Integer>> keywordCodes = new LinkedHashMap<>();
        List<Integer> charRules = new ArrayList<>();
        List<CharNeeds> charNeeds = new ArrayList<>();
        for (int r = 0; r < rules.length; r++) {
            List<Set<NecessaryLiterals.Need>> groups = NecessaryLiterals.groups(rules[r].detection());
            if (groups.isEmpty()) {
                always[r >>> 6] |= 1L << r;
                CharNeeds n = CharNeeds.of(rules[r].detection());
                if (n != null) {
                    charRules.add(r);
                    charNeeds.add(n);
                }
            }
            if (groups.size() < 2) initial[words + (r >>> 6)] |= 1L << r;
            for (int g = 0; g < groups.size(); g++) {
                for (NecessaryLiterals.Need n : groups.get(g)) {
                    Map<String, List<Integer>> into = n.anyField() ? keywordCodes : fields.computeIfAbsent(n.names(), k -> new LinkedHashMap<>());
                    into.computeIfAbsent(n.literal(), k -> new ArrayList<>()).add(r * 2 + g);
                }
            }
        }
        String[][] names = fields.keySet().stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new);
        Scanner[] byField = new Scanner[names.length];
        int f = 0;
        for (Map<String, List<Integer>> own : fields.values()) {
            Map<String, List<Integer>> all = new LinkedHashMap<>(own);
            keywordCodes.forEach((l, c) -> all.merge(l, c, (a, b) -> {
                List<Integer> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            }));
            byField[f++] = Scanner.of(all);
        }
        return new RulePrefilter(rules.length, always, initial, names, byField, Scanner.of(keywordCodes),
                charRules.stream().mapToInt(Integer::intValue).toArray(), charNeeds.toArray(CharNeeds[]::new));
    }

    /** The rules (as a bit set over the array given to {@link #of}; {@link #words()} long) that may match the event. */
    long[] candidates(Event e) {
        return candidates(EventFields.uncached(e)); // a view of its own: the array is the caller's
    }

    /** The same over the event's view; the array returned is the view's, valid until its next event. */
    long[] candidates(EventFields e) {
        Marks marks = e.marks();
        long[] bits = marks.start(this, e);
        if (!byKey.isEmpty() || keywords != null) e.event().fields().forEach(marks);
        for (int w = 0; w < words; w++) bits[w] = always[w] | (bits[w] & bits[words + w]);
        for (int i = 0; i < charRules.length; i++) {
            int r = charRules[i];
            if (!charNeeds[i].mayMatch(e)) bits[r >>> 6] &= ~(1L << r);
        }
        return bits;
    }

    /**
     * One field of the event: scanned with the index of each field it is the value of (a field
     * whose key or alias it is by name, ignoring case, and which resolves to it: an earlier alias
     * may be present), else, when no rule names it, with the keyword literals alone.
     */
    private void entry(Marks marks, EventFields e, String key, Object v) {
        boolean named = false;
        for (int f : fieldsOf(key)) {
            if (e.value(slots[f], names[f]) != v) continue;
            named = true;
            marks.scan(byField[f], v);
        }
        if (!named && keywords != null) marks.scan(keywords, v);
    }

    /** The fields that have a name equal to the key ignoring case (as {@link Matcher#lookup} finds them), memoised by key. */
    private int[] fieldsOf(String key) {
        int[] fs = fieldsOfKey.get(key);
        if (fs != null) return fs;
        fs = byKey.getOrDefault(Folded.fold(key), NONE);
        if (fieldsOfKey.size() < MEMO_MAX) fieldsOfKey.put(key, fs); // bounded: keys come from the logs
        return fs;
    }

    /**
     * One thread's scratch for scans (held by its {@link EventFields}, so that a consumer matching
     * another event from inside gets its own): the (rule, group) bits, reused from event to event,
     * and the visitor of the event's fields, so that a scan allocates nothing.
     */
    static final class Marks implements GramIndex.Found, java.util.function.BiConsumer<String, Object> {
        private long[] bits = new long[0];
        private int[][] codes;
        private int words;
        private RulePrefilter prefilter;
        private EventFields event;

        long[] start(RulePrefilter p, EventFields e) {
            long[] initial = p.initial;
            if (bits.length != initial.length) bits = new long[initial.length];
            System.arraycopy(initial, 0, bits, 0, initial.length);
            words = initial.length >>> 1;
            prefilter = p;
            event = e;
            return bits;
        }

        @Override
        public void accept(String key, Object v) {
            if (v != null) prefilter.entry(this, event, key, v);
        }

        void scan(Scanner s, Object v) {
            codes = s.codes();
            switch (v) {
                case String text -> s.index().find(text, this);
                case List<?> list -> {
                    for (Object o : list) if (o != null) scan(s, o);
                }
                default -> s.index().find(String.valueOf(v), this);
            }
        }

        @Override
        public void literal(int li) {
            for (int code : codes[li]) {
                int r = code >>> 1;
                bits[(code & 1) * words + (r >>> 6)] |= 1L << r;
            }
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
