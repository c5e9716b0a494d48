package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * For the prefilter: literals of which at least one must occur (case-insensitively) in a given
 * field for a detection to match at all. Sound by construction: anything not understood gives
 * "no requirement" (null), so the rule is simply always tested.
 */
final class NecessaryLiterals {
    /**
     * One alternative: the field (with its aliases, looked up as the matcher does; no names for a
     * keyword, which may be in any field's value) and a literal folded as {@link Folded#fold} does.
     */
    record Need(List<String> names, String literal) {
        boolean anyField() {
            return names.isEmpty();
        }

        /**
         * Roughly how often it would hit: a literal of n chars as 3^-n of text positions (text is
         * far from random), a keyword eight times more since it is looked for in every field.
         */
        double hitRate() {
            return (anyField() ? 8 : 1) * Math.pow(3, -Math.min(literal.length(), 12));
        }
    }

    /** Literals shorter than this hit too often to be worth a lookup. */
    static final int MIN_LENGTH = 3;

    private NecessaryLiterals() {}

    /**
     * Up to two sets of alternatives that must each hold, the rarest first: of an AND (nested ANDs
     * included), the two rarest parts that require a literal, so that a common literal of one
     * part ({@code ParentImage|endswith: '\cmd.exe'}) is only a candidate with a rare one of
     * another; else {@link #of}. Empty when nothing is required.
     */
    static List<Set<Need>> groups(Matcher m) {
        List<Set<Need>> sets = new ArrayList<>();
        if (m instanceof Matcher.And) {
            conjuncts(m, sets);
        } else {
            Set<Need> s = of(m);
            if (s != null) sets.add(s);
        }
        sets.sort(java.util.Comparator.comparingDouble(NecessaryLiterals::hitRate));
        return List.copyOf(sets.subList(0, Math.min(2, sets.size())));
    }

    private static void conjuncts(Matcher m, List<Set<Need>> out) {
        if (m instanceof Matcher.And(List<Matcher> all)) {
            for (Matcher c : all) conjuncts(c, out);
            return;
        }
        Set<Need> s = of(m);
        if (s != null) out.add(s);
    }

    /** Alternatives of which one must hold, or null when the detection requires no literal. */
    static Set<Need> of(Matcher m) {
        return switch (m) {
            case Matcher.Field f -> field(List.of(f.names()), f.tests(), f.all());
            case Matcher.Keywords k -> field(List.of(), k.tests(), k.all());
            case Matcher.And(List<Matcher> all) -> {
                Set<Need> best = null;
                for (Matcher c : all) {
                    Set<Need> s = of(c);
                    if (s != null && (best == null || weaker(best, s))) best = s;
                }
                yield best;
            }
            case Matcher.Or(List<Matcher> any) -> {
                Set<Need> union = new HashSet<>();
                for (Matcher c : any) {
                    Set<Need> s = of(c);
                    if (s == null) yield null;
                    union.addAll(s);
                }
                yield union;
            }
            default -> null; // Not, Const, IsNull, Exists, FieldRef, Keywords: no literal is required
        };
    }

    /**
     * Whether {@code b} narrows more than {@code a}: the lower summed hit rate, so that one short
     * literal ({@code Image|endswith: '.exe'}) gives way to two long ones of the same AND.
     */
    private static boolean weaker(Set<Need> a, Set<Need> b) {
        return hitRate(b) < hitRate(a);
    }

    private static double hitRate(Set<Need> s) {
        double sum = 0;
        for (Need n : s) sum += n.hitRate();
        return sum;
    }

    private static Set<Need> field(List<String> names, List<ValueTest> tests, boolean all) {
        if (all) {
            // Every value must match: the one with the rarest literals is enough to require.
            Set<Need> best = null;
            for (ValueTest t : tests) {
                Set<Need> s = needs(names, List.of(t));
                if (s != null && (best == null || weaker(best, s))) best = s;
            }
            return best;
        }
        return needs(names, tests);
    }

    private static Set<Need> needs(List<String> names, List<ValueTest> tests) {
        Set<Need> out = new HashSet<>();
        List<String> literals = new ArrayList<>();
        for (ValueTest t : tests) if (!literals(t, literals)) return null;
        for (String l : literals) {
            if (l.length() < MIN_LENGTH) return null;
            out.add(new Need(names, Folded.fold(l)));
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * Adds the literals one of which a passing value contains (ignoring case); false when the test
     * has none. Numbers in events are compared as numbers by an equality with a number's text,
     * so such a literal counts only when it is written as the number's text would be (not "007").
     */
    private static boolean literals(ValueTest t, List<String> out) {
        return switch (t) {
            case ValueTest.Literal l when l.position() == ValueTest.Position.EQUALS && ValueTest.Literal.isLong(l.text()) -> l.text().equals(Long.toString(Long.parseLong(l.text()))) && out.add(l.text());
            case ValueTest.Literal l -> out.add(l.text());
            case ValueTest.AnyContains a -> out.addAll(a.keywords());
            case ValueTest.AnyContainsText a -> out.addAll(a.texts());
            case ValueTest.Regex r -> r.required() != null && out.add(r.required());
            case ValueTest.Glob g -> out.add(g.longestSegment());
            case ValueTest.AnyOf(List<ValueTest> variants) -> {
                if (variants.isEmpty()) yield false;
                for (ValueTest v : variants) if (!literals(v, out)) yield false;
                yield true;
            }
            default -> false;
        };
    }
}
