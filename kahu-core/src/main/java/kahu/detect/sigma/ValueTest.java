package kahu.detect.sigma;

import com.google.re2j.Pattern;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.List;

/** A compiled test of one field value (as text). Immutable; no allocation in {@link #test}. */
sealed interface ValueTest {
    boolean test(String value);

    /** The same with the value's case-folded form ({@link Folded#fold}) at hand, as the matchers have it. */
    default boolean test(String value, String folded) {
        return test(value);
    }

    /** Numbers in events are {@code Long}; only literal tests avoid rendering them as text. */
    default boolean testLong(long value) {
        return test(Long.toString(value));
    }

    enum Position { EQUALS, CONTAINS, STARTS, ENDS }

    /** A plain string, compared case-insensitively unless {@code cased}; {@code folded} is its case-folded form. */
    record Literal(String text, Position position, boolean cased, String folded) implements ValueTest {
        Literal(String text, Position position, boolean cased) {
            this(text, position, cased, Folded.fold(text));
        }

        @Override
        public boolean test(String v) {
            return test(v, cased ? v : Folded.of(v));
        }

        @Override
        public boolean test(String v, String f) {
            if (cased) {
                return switch (position) {
                    case EQUALS -> v.equals(text);
                    case STARTS -> v.startsWith(text);
                    case ENDS -> v.endsWith(text);
                    case CONTAINS -> v.contains(text);
                };
            }
            return switch (position) {
                case EQUALS -> f.equals(folded);
                case STARTS -> f.startsWith(folded);
                case ENDS -> f.endsWith(folded);
                case CONTAINS -> f.contains(folded);
            };
        }

        @Override
        public boolean testLong(long value) {
            if (position == Position.EQUALS && isLong(text)) return Long.parseLong(text) == value;
            return test(Long.toString(value));
        }

        static boolean isLong(String s) {
            if (s.isEmpty() || s.length() > 18) return false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if ((c < '0' || c > '9') && !(i == 0 && c == '-' && s.length() > 1)) return false;
            }
            return true;
        }

        static boolean containsIgnoreCase(String v, String t) {
            int n = t.length(), max = v.length() - n;
            if (n == 0) return true;
            // A cheap first-char filter that folds exactly as regionMatches(ignoreCase) compares.
            char f = t.charAt(0), ff = LiteralAutomaton.fold(f);
            for (int i = 0; i <= max; i++) {
                char c = v.charAt(i);
                if ((c == f || LiteralAutomaton.fold(c) == ff) && v.regionMatches(true, i, t, 0, n)) return true;
            }
            return false;
        }
    }

    /**
     * The variants one rule value expands to ({@code windash}, {@code base64offset}, {@code expand}):
     * any of them will do, also under {@code all}, which is about the rule's values, not their variants.
     */
    record AnyOf(List<ValueTest> variants) implements ValueTest {
        @Override
        public boolean test(String v) {
            for (int i = 0, n = variants.size(); i < n; i++) if (variants.get(i).test(v)) return true;
            return false;
        }

        @Override
        public boolean test(String v, String folded) {
            for (int i = 0, n = variants.size(); i < n; i++) if (variants.get(i).test(v, folded)) return true;
            return false;
        }

        @Override
        public boolean testLong(long v) {
            for (int i = 0, n = variants.size(); i < n; i++) if (variants.get(i).testLong(v)) return true;
            return false;
        }
    }

    /** Many case-insensitive ASCII {@code contains} literals of one field merged into one Aho-Corasick automaton. */
    record AnyContains(List<String> keywords, LiteralAutomaton automaton) implements ValueTest {
        static AnyContains of(List<String> keywords) {
            return new AnyContains(List.copyOf(keywords), LiteralAutomaton.of(keywords));
        }

        @Override
        public boolean test(String v) {
            return automaton.containsAny(v);
        }
    }

    /**
     * Many case-insensitive {@code contains} literals of one field that the ASCII automaton cannot
     * take (e.g. emoji lists): the value is folded once, not once per literal. {@code floor}: every
     * (folded) literal has a char at least this high, so a folded value whose highest char is
     * below it — any ASCII command line against a list of emoji and '©' — is rejected by one scan.
     */
    record AnyContainsText(List<String> texts, String[] folded, char floor) implements ValueTest {
        static AnyContainsText of(List<String> texts) {
            String[] folded = texts.stream().map(Folded::fold).distinct().toArray(String[]::new);
            char floor = Character.MAX_VALUE;
            for (String f : folded) floor = (char) Math.min(floor, highest(f));
            return new AnyContainsText(List.copyOf(texts), folded, floor);
        }

        private static char highest(String s) {
            char max = 0;
            for (int i = 0; i < s.length(); i++) max = (char) Math.max(max, s.charAt(i));
            return max;
        }

        @Override
        public boolean test(String v) {
            return test(v, Folded.of(v));
        }

        @Override
        public boolean test(String v, String f) {
            if (highest(f) < floor) return false;
            for (String l : folded) if (f.contains(l)) return true;
            return false;
        }
    }

    /**
     * A value with {@code *}/{@code ?} wildcards inside (held as {@link Wildcards#ANY}/{@link Wildcards#ONE}),
     * matched by hand: greedy with one backtrack point, so at worst value × pattern steps, never exponential.
     */
    record Glob(String pattern, boolean cased, String segment) implements ValueTest {
        /** {@code segment}: its longest plain part (case-folded unless cased), which a matching value contains: an {@code indexOf} rejects most values first. */
        Glob(String pattern, boolean cased) {
            this(pattern, cased, cased ? longestSegment(pattern) : Folded.fold(longestSegment(pattern)));
        }

        @Override
        public boolean test(String v) {
            return test(v, cased ? v : Folded.of(v));
        }

        @Override
        public boolean test(String v, String folded) {
            if (!(cased ? v : folded).contains(segment)) return false;
            int pi = 0, si = 0, star = -1, mark = 0, pn = pattern.length(), sn = v.length();
            while (si < sn) {
                char pc = pi < pn ? pattern.charAt(pi) : 0;
                if (pi < pn && pc != Wildcards.ANY && (pc == Wildcards.ONE || same(pc, v.charAt(si)))) {
                    pi++;
                    si++;
                } else if (pi < pn && pc == Wildcards.ANY) {
                    star = pi++;
                    mark = si;
                } else if (star >= 0) {
                    pi = star + 1;
                    si = ++mark;
                } else {
                    return false;
                }
            }
            while (pi < pn && pattern.charAt(pi) == Wildcards.ANY) pi++;
            return pi == pn;
        }

        private boolean same(char a, char b) {
            if (a == b) return true;
            if (cased) return false;
            char ua = Character.toUpperCase(a), ub = Character.toUpperCase(b);
            return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
        }

        /** The longest run of plain characters: any matching value contains it. */
        String longestSegment() {
            return longestSegment(pattern);
        }

        private static String longestSegment(String pattern) {
            String best = "";
            for (String part : pattern.split("[" + Wildcards.ANY + Wildcards.ONE + "]")) if (part.length() > best.length()) best = part;
            return best;
        }
    }

    /** A {@code re} regular expression, on re2j (linear time: no catastrophic backtracking). */
    record Regex(Pattern pattern, String source, String required, boolean foldRequired, int minLength, RegexRun run, RegexPair pair,
                 RegexCount count) implements ValueTest {
        /**
         * With a literal every match contains ({@link RegexLiteral}), checked by {@code indexOf}
         * first: case-folded when the pattern may ignore case, and then only when ASCII; then a
         * long run of one character class every match contains ({@link RegexRun}), two
         * adjacent chars of small classes ({@link RegexPair}), and a char every match holds
         * several times or that values seldom hold ({@link RegexCount}).
         */
        Regex(Pattern pattern, String source) {
            this(pattern, source, requiredOf(pattern, source), ignoresCase(pattern, source), RegexLiteral.minLength(source),
                    RegexRun.of(source, ignoresCase(pattern, source)), RegexPair.of(source, ignoresCase(pattern, source)),
                    RegexCount.of(source));
        }

        private static boolean ignoresCase(Pattern p, String source) {
            return (p.flags() & Pattern.CASE_INSENSITIVE) != 0 || RegexLiteral.inlineFlags(source);
        }

        private static String requiredOf(Pattern p, String source) {
            String r = RegexLiteral.required(source);
            if (r == null || !ignoresCase(p, source)) return r;
            return LiteralAutomaton.isAscii(r) ? Folded.fold(r) : null;
        }

        @Override
        public boolean test(String v) {
            return test(v, foldRequired ? Folded.of(v) : v);
        }

        @Override
        public boolean test(String v, String folded) {
            if (v.length() < minLength) return false;
            if (required != null && !(foldRequired ? folded.contains(required) : v.contains(required))) return false;
            if (run != null && !run.foundIn(v)) return false;
            if (pair != null && !pair.foundIn(v)) return false;
            if (count != null && !count.foundIn(v)) return false;
            return pattern.matcher(v).find();
        }
    }

    /** {@code cidr}: the value is an IP address inside the network. */
    record Cidr(IPAddress network) implements ValueTest {
        @Override
        public boolean test(String v) {
            IPAddress a = new IPAddressString(v.trim()).getAddress();
            return a != null && a.getIPVersion() == network.getIPVersion() && network.contains(a);
        }
    }

    enum Comparison { GT, GTE, LT, LTE }

    /** {@code gt/gte/lt/lte}: numeric comparison; a value that is not a number never matches. */
    record Compare(Comparison op, double bound) implements ValueTest {
        @Override
        public boolean test(String v) {
            double d;
            try {
                d = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                return false;
            }
            return compare(d);
        }

        @Override
        public boolean testLong(long value) {
            return compare(value);
        }

        private boolean compare(double d) {
            return switch (op) {
                case GT -> d > bound;
                case GTE -> d >= bound;
                case LT -> d < bound;
                case LTE -> d <= bound;
            };
        }
    }
}
