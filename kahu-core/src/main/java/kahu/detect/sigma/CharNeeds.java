package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For the rules without a necessary literal (the prefilter's always-candidates: emoji and homoglyph
 * lists, DOSfuscation's two-char literals, regexes with only short required parts): chars of which
 * one must be in a field's (folded) value for the rule to match, e.g. "CommandLine holds '^', ';',
 * '(' or '%'" or "CommandLine holds a char ≥ U+00A9". Checked against a summary of the value (which
 * ASCII chars occur, the highest char) made once per event and field, instead of each rule scanning
 * the command line itself. Sound by construction: what is not understood gives no need (null), and
 * the rule stays a candidate. Immutable.
 *
 * @param slots   per alternative: the field (slot and names) that must hold one of the chars
 * @param lo      per alternative: ASCII chars 0–63 (bit per char), folded as {@link Folded#fold} does
 * @param hi      per alternative: ASCII chars 64–127
 * @param minHigh per alternative: a value whose highest char is at least this also passes (a non-ASCII need)
 */
record CharNeeds(int[] slots, String[][] names, long[] lo, long[] hi, char[] minHigh) {
    /** Punctuation that values are full of, and so a weak need: a char outside it and outside letters and digits is preferred. */
    private static final String COMMON = " \\/.:-_\"'=,";

    /** One field's need while deriving: chars (as bits) and the non-ASCII floor. */
    private record Need(long lo, long hi, char minHigh) {
        static final Need NONE = new Need(0, 0, Character.MAX_VALUE);

        Need or(Need o) {
            return new Need(lo | o.lo, hi | o.hi, (char) Math.min(minHigh, o.minHigh));
        }

        /** Roughly how often a value would pass: common chars count far more than rare ones. */
        double weight() {
            double w = minHigh < Character.MAX_VALUE ? 0.01 : 0;
            for (int c = 0; c < 128; c++) if (has(c)) w += rarity(c);
            return w;
        }

        boolean has(int c) {
            return c < 64 ? (lo & 1L << c) != 0 : (hi & 1L << (c - 64)) != 0;
        }
    }

    /** The needs of a detection (alternatives: one of them must hold), or null when it has none this reads. */
    static CharNeeds of(Matcher m) {
        Map<List<String>, Need> alternatives = needs(m);
        if (alternatives == null || alternatives.isEmpty()) return null;
        int n = alternatives.size(), i = 0;
        int[] slots = new int[n];
        String[][] names = new String[n][];
        long[] lo = new long[n], hi = new long[n];
        char[] minHigh = new char[n];
        for (Map.Entry<List<String>, Need> e : alternatives.entrySet()) {
            names[i] = e.getKey().toArray(String[]::new);
            slots[i] = EventFields.slot(names[i]);
            lo[i] = e.getValue().lo();
            hi[i] = e.getValue().hi();
            minHigh[i] = e.getValue().minHigh();
            i++;
        }
        return new CharNeeds(slots, names, lo, hi, minHigh);
    }

    /** Whether the event may match: some alternative's field holds one of its chars (anything but text passes). */
    boolean mayMatch(EventFields e) {
        for (int i = 0; i < slots.length; i++) {
            Object v = e.value(slots[i], names[i]);
            if (v == null) continue; // the field's test cannot pass without a value
            if (!(v instanceof String s)) return true; // numbers and lists: not summarised
            int slot = slots[i];
            e.summarise(slot, s);
            if ((e.summaryLo(slot) & lo[i]) != 0 || (e.summaryHi(slot) & hi[i]) != 0 || e.summaryHighest(slot) >= minHigh[i]) return true;
        }
        return false;
    }

    /** Field (names) → need, all of which are alternatives; null when some part of an OR has no need. */
    private static Map<List<String>, Need> needs(Matcher m) {
        return switch (m) {
            case Matcher.Field f -> {
                Need n = field(f.tests(), f.all());
                if (n == null) yield null;
                Map<List<String>, Need> one = new LinkedHashMap<>();
                one.put(List.of(f.names()), n);
                yield one;
            }
            case Matcher.Or(List<Matcher> any) -> {
                Map<List<String>, Need> union = new LinkedHashMap<>();
                for (Matcher c : any) {
                    Map<List<String>, Need> s = needs(c);
                    if (s == null) yield null;
                    s.forEach((k, v) -> union.merge(k, v, Need::or));
                }
                yield union;
            }
            case Matcher.And(List<Matcher> all) -> {
                Map<List<String>, Need> best = null;
                for (Matcher c : all) {
                    Map<List<String>, Need> s = needs(c);
                    if (s != null && (best == null || weight(s) < weight(best))) best = s;
                }
                yield best;
            }
            default -> null; // Not, Const, IsNull, Exists, FieldRef, Keywords
        };
    }

    private static double weight(Map<List<String>, Need> alternatives) {
        double w = 0;
        for (Need n : alternatives.values()) w += n.weight();
        return w;
    }

    private static Need field(List<ValueTest> tests, boolean all) {
        if (all) { // every test must pass: the sharpest one's need is enough
            Need best = null;
            for (ValueTest t : tests) {
                Need n = test(t);
                if (n != null && (best == null || n.weight() < best.weight())) best = n;
            }
            return best;
        }
        Need union = Need.NONE;
        for (ValueTest t : tests) {
            Need n = test(t);
            if (n == null) return null;
            union = union.or(n);
        }
        return tests.isEmpty() ? null : union;
    }

    /** One char of every value passing the test, or null when the test does not require one this reads. */
    private static Need test(ValueTest t) {
        return switch (t) {
            case ValueTest.Literal l -> rarest(l.text());
            case ValueTest.Glob g -> rarest(g.segment());
            case ValueTest.AnyContains a -> {
                Need union = Need.NONE;
                for (String k : a.keywords()) {
                    Need n = rarest(k);
                    if (n == null) yield null;
                    union = union.or(n);
                }
                yield a.keywords().isEmpty() ? null : union;
            }
            case ValueTest.AnyContainsText a -> a.folded().length == 0 ? null : new Need(0, 0, a.floor());
            case ValueTest.Regex r -> {
                Need count = r.count() == null ? null : rarest(String.valueOf(r.count().c()));
                Need required = r.required() == null ? null : rarest(r.required());
                if (count == null) yield required;
                yield required == null || count.weight() <= required.weight() ? count : required;
            }
            case ValueTest.AnyOf(List<ValueTest> variants) -> {
                Need union = Need.NONE;
                for (ValueTest v : variants) {
                    Need n = test(v);
                    if (n == null) yield null;
                    union = union.or(n);
                }
                yield variants.isEmpty() ? null : union;
            }
            default -> null; // cidr, comparisons
        };
    }

    /** The rarest char of a text every passing value contains, folded; null for empty text. */
    private static Need rarest(String text) {
        if (text.isEmpty()) return null;
        char best = 0;
        double rarity = Double.MAX_VALUE;
        for (int i = 0; i < text.length(); i++) {
            char c = LiteralAutomaton.fold(text.charAt(i));
            double r = c < 128 ? rarity(c) : 0.01;
            if (r < rarity) {
                rarity = r;
                best = c;
            }
        }
        if (best >= 128) return new Need(0, 0, best); // the folded value holds a char at least this high
        return best < 64 ? new Need(1L << best, 0, Character.MAX_VALUE) : new Need(0, 1L << (best - 64), Character.MAX_VALUE);
    }

    /** How common an ASCII char is in values (letters and digits, then path and option punctuation, then the rest). */
    private static double rarity(int c) {
        if (Character.isLetterOrDigit(c)) return 1;
        if (COMMON.indexOf(c) >= 0) return 0.5;
        return 0.05;
    }
}
