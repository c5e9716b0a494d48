package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * For the prefilter: literals of which at least one must occur (case-insensitively) in a given
 * field for a detection to match at all. Sound by construction: anything not understood gives
 * "no requirement" (null), so the rule is simply always tested.
 */
final class NecessaryLiterals {
    /** One alternative: the field (with its aliases, looked up as the matcher does) and a lower-case literal. */
    record Need(List<String> names, String literal) {}

    /** Literals shorter than this hit too often to be worth a lookup. */
    static final int MIN_LENGTH = 3;

    private NecessaryLiterals() {}

    /** Alternatives of which one must hold, or null when the detection requires no literal. */
    static Set<Need> of(Matcher m) {
        return switch (m) {
            case Matcher.Field f -> field(f);
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

    /** Whether {@code b} narrows more than {@code a}: fewer alternatives, then longer literals. */
    private static boolean weaker(Set<Need> a, Set<Need> b) {
        if (b.size() != a.size()) return b.size() < a.size();
        return shortest(b) > shortest(a);
    }

    private static int shortest(Set<Need> s) {
        int min = Integer.MAX_VALUE;
        for (Need n : s) min = Math.min(min, n.literal().length());
        return min;
    }

    private static Set<Need> field(Matcher.Field f) {
        List<String> names = List.of(f.names());
        if (f.all()) {
            // Every value must match: the one with the longest literals is enough to require.
            Set<Need> best = null;
            for (ValueTest t : f.tests()) {
                Set<Need> s = needs(names, List.of(t));
                if (s != null && (best == null || weaker(best, s))) best = s;
            }
            return best;
        }
        return needs(names, f.tests());
    }

    private static Set<Need> needs(List<String> names, List<ValueTest> tests) {
        Set<Need> out = new HashSet<>();
        List<String> literals = new ArrayList<>();
        for (ValueTest t : tests) if (!literals(t, literals)) return null;
        for (String l : literals) {
            // Only ASCII: the automaton folds case exactly as regionMatches does for ASCII literals.
            if (l.length() < MIN_LENGTH || !LiteralAutomaton.isAscii(l)) return null;
            out.add(new Need(names, l.toLowerCase(Locale.ROOT)));
        }
        return out.isEmpty() ? null : out;
    }

    /** Adds the literals one of which a passing value contains; false when the test has none. */
    private static boolean literals(ValueTest t, List<String> out) {
        return switch (t) {
            case ValueTest.Literal l -> out.add(l.text());
            case ValueTest.AnyContains a -> out.addAll(a.keywords());
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
