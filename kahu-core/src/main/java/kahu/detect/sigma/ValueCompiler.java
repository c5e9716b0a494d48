package kahu.detect.sigma;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddressString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Compiles one detection item ({@code field|modifier|…: value or values}) into a {@link Matcher}. */
final class ValueCompiler {
    static final Set<String> MODIFIERS = Set.of("contains", "startswith", "endswith", "all", "base64", "base64offset",
            "utf16le", "utf16be", "utf16", "wide", "windash", "re", "i", "m", "s", "cidr", "exists", "expand",
            "gt", "gte", "lt", "lte", "fieldref", "cased");
    /** Fewer contains-literals than this are faster tested one by one than through an automaton. */
    static final int AUTOMATON_MIN = 4;
    static final int WINDASH_CAP = 4096;

    private ValueCompiler() {}

    static Matcher item(String key, Object value, CompileContext cx) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0];
        List<String> mods = Arrays.asList(parts).subList(1, parts.length);
        for (String m : mods) if (!MODIFIERS.contains(m)) cx.problem("unknown modifier '" + m + "'");
        List<Object> values = value instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(Arrays.asList(value));
        for (Object v : values) {
            if (v instanceof java.util.Map<?, ?> || v instanceof List<?>) {
                cx.problem("field '" + field + "' has a nested map or list as a value");
                return new Matcher.Const(false, "invalid");
            }
        }
        boolean all = mods.contains("all");
        boolean cased = mods.contains("cased");
        String[] names = field.isEmpty() ? null : cx.fieldNames.apply(field);

        if (mods.contains("exists")) {
            if (names == null || values.size() != 1 || !(values.getFirst() instanceof Boolean b)) {
                cx.problem("'exists' needs a field and the value true or false");
                return new Matcher.Const(false, "invalid");
            }
            return new Matcher.Exists(names, b);
        }
        if (mods.contains("fieldref")) {
            if (names == null) {
                cx.problem("'fieldref' needs a field");
                return new Matcher.Const(false, "invalid");
            }
            if (mods.stream().anyMatch(m -> !m.equals("fieldref") && !m.equals("cased") && !m.equals("all"))) {
                cx.problem("'fieldref' combined with " + mods + " is not supported");
            }
            List<Matcher> refs = values.stream()
                    .<Matcher>map(v -> new Matcher.FieldRef(names, cx.fieldNames.apply(String.valueOf(v)), cased)).toList();
            return refs.size() == 1 ? refs.getFirst() : all ? new Matcher.And(refs) : new Matcher.Or(refs);
        }

        List<Matcher> nulls = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Object v : values) {
            if (v == null) {
                if (names == null) cx.problem("a keyword cannot be null");
                else nulls.add(new Matcher.IsNull(names));
            } else {
                texts.add(v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v));
            }
        }
        List<ValueTest> tests = tests(field, mods, texts, cased, names == null, cx);
        if (tests.isEmpty() && nulls.isEmpty()) {
            if (mods.contains("expand")) {
                cx.note("'" + key + "' has no placeholder values, so it cannot match");
                return new Matcher.Const(false, "no placeholder values");
            }
            cx.problem("'" + key + "' has no values");
            return new Matcher.Const(false, "no values");
        }
        Matcher m = tests.isEmpty() ? null
                : names == null ? new Matcher.Keywords(tests, all) : new Matcher.Field(names, tests, all);
        if (nulls.isEmpty()) return m;
        List<Matcher> any = new ArrayList<>(nulls);
        if (m != null) any.add(m);
        return any.size() == 1 ? any.getFirst() : new Matcher.Or(any);
    }

    private static List<ValueTest> tests(String field, List<String> mods, List<String> texts, boolean cased,
                                         boolean keyword, CompileContext cx) {
        if (mods.contains("re")) return regexes(mods, texts, cx);
        if (mods.contains("cidr")) return cidrs(texts, cx);
        for (String op : List.of("gt", "gte", "lt", "lte")) {
            if (mods.contains(op)) return comparisons(ValueTest.Comparison.valueOf(op.toUpperCase()), texts, cx);
        }
        boolean positioned = mods.contains("contains") || mods.contains("startswith") || mods.contains("endswith");
        List<ValueTest> tests = new ArrayList<>();
        for (String text : texts) {
            // Each rule value with its variants; "all" applies across rule values only.
            List<String> variants = new ArrayList<>(mods.contains("expand") ? Placeholders.expand(text, cx) : List.of(text));
            variants.replaceAll(Wildcards::parse);
            for (String m : mods) {
                List<String> next = new ArrayList<>();
                for (String v : variants) {
                    try {
                        next.addAll(apply(m, v));
                    } catch (IllegalArgumentException e) {
                        cx.problem("'" + field + "|" + m + "': " + e.getMessage());
                        return List.of();
                    }
                }
                variants = next;
            }
            List<ValueTest> compiled = new ArrayList<>();
            for (String v : variants) {
                // A keyword without wildcards is a free-text search: it matches inside a value.
                if (keyword && !positioned && !Wildcards.hasWildcards(v)) v = Wildcards.ANY + v + Wildcards.ANY;
                compiled.add(Wildcards.compile(v, cased));
            }
            if (compiled.isEmpty()) tests.add(new ValueTest.AnyOf(List.of())); // e.g. an empty placeholder: never true
            else if (compiled.size() == 1) tests.add(compiled.getFirst());
            else if (compiled.size() > 1) tests.add(mods.contains("all") ? new ValueTest.AnyOf(mergeContains(compiled)) : new ValueTest.AnyOf(compiled));
        }
        if (mods.contains("all")) return tests;
        // Without "all" every variant of every value is an alternative: flatten, then merge literals.
        List<ValueTest> flat = new ArrayList<>();
        for (ValueTest t : tests) {
            if (t instanceof ValueTest.AnyOf(List<ValueTest> variants)) flat.addAll(variants);
            else flat.add(t);
        }
        return mergeContains(flat);
    }

    private static List<String> apply(String modifier, String v) {
        boolean wild = Wildcards.hasWildcards(v);
        return switch (modifier) {
            case "contains" -> List.of(Wildcards.ANY + v + Wildcards.ANY);
            case "startswith" -> List.of(v + Wildcards.ANY);
            case "endswith" -> List.of(Wildcards.ANY + v);
            case "windash" -> Encodings.windash(v, WINDASH_CAP);
            case "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide" -> {
                if (wild) throw new IllegalArgumentException("encoding a value with wildcards is not defined");
                yield switch (modifier) {
                    case "base64" -> List.of(Encodings.base64(v));
                    case "base64offset" -> Encodings.base64offset(v);
                    case "utf16be" -> List.of(Encodings.utf16be(v));
                    case "utf16" -> List.of(Encodings.utf16(v));
                    default -> List.of(Encodings.utf16le(v));
                };
            }
            default -> List.of(v); // all, cased, expand: flags handled elsewhere
        };
    }

    /** Case-insensitive ASCII contains-literals of one field (OR) go into one Aho-Corasick automaton. */
    private static List<ValueTest> mergeContains(List<ValueTest> tests) {
        tests = mergeWide(tests);
        List<String> words = new ArrayList<>();
        for (ValueTest t : tests) if (mergeable(t)) words.add(((ValueTest.Literal) t).text());
        if (words.size() < AUTOMATON_MIN) return tests;
        List<ValueTest> out = new ArrayList<>();
        for (ValueTest t : tests) if (!mergeable(t)) out.add(t);
        out.add(ValueTest.AnyContains.of(words));
        return out;
    }

    /** Case-insensitive non-ASCII contains-literals of one field (OR): folded once per value ({@link ValueTest.AnyContainsText}). */
    private static List<ValueTest> mergeWide(List<ValueTest> tests) {
        List<String> texts = new ArrayList<>();
        for (ValueTest t : tests) if (wide(t)) texts.add(((ValueTest.Literal) t).text());
        if (texts.size() < AUTOMATON_MIN) return tests;
        List<ValueTest> out = new ArrayList<>();
        for (ValueTest t : tests) if (!wide(t)) out.add(t);
        out.add(ValueTest.AnyContainsText.of(texts));
        return out;
    }

    private static boolean wide(ValueTest t) {
        return t instanceof ValueTest.Literal(String text, ValueTest.Position p, boolean c, var _)
                && p == ValueTest.Position.CONTAINS && !c && !text.isEmpty() && !LiteralAutomaton.isAscii(text);
    }

    private static boolean mergeable(ValueTest t) {
        return t instanceof ValueTest.Literal(String text, ValueTest.Position p, boolean c, var _)
                && p == ValueTest.Position.CONTAINS && !c && !text.isEmpty() && LiteralAutomaton.isAscii(text);
    }

    private static List<ValueTest> regexes(List<String> mods, List<String> texts, CompileContext cx) {
        for (String m : mods) {
            if (!Set.of("re", "i", "m", "s", "all", "cased").contains(m)) cx.problem("'re' combined with '" + m + "' is not supported");
        }
        int flags = (mods.contains("i") ? Pattern.CASE_INSENSITIVE : 0) | (mods.contains("m") ? Pattern.MULTILINE : 0)
                | (mods.contains("s") ? Pattern.DOTALL : 0);
        List<ValueTest> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(new ValueTest.Regex(Pattern.compile(t, flags), t));
            } catch (PatternSyntaxException e) {
                cx.problem("regular expression not supported by the linear-time engine (re2j): " + e.getDescription());
            }
        }
        return out;
    }

    private static List<ValueTest> cidrs(List<String> texts, CompileContext cx) {
        List<ValueTest> out = new ArrayList<>();
        for (String t : texts) {
            try {
                var address = new IPAddressString(t.trim()).toAddress();
                if (address == null) { // a prefix length alone ('/8') parses to no address
                    cx.problem("'cidr' value is not a network: " + t);
                    continue;
                }
                out.add(new ValueTest.Cidr(address.toPrefixBlock()));
            } catch (AddressStringException e) {
                cx.problem("'cidr' value is not a network: " + t);
            }
        }
        return out;
    }

    private static List<ValueTest> comparisons(ValueTest.Comparison op, List<String> texts, CompileContext cx) {
        List<ValueTest> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(new ValueTest.Compare(op, Double.parseDouble(t)));
            } catch (NumberFormatException e) {
                cx.problem("'" + op.name().toLowerCase() + "' value is not a number: " + t);
            }
        }
        return out;
    }
}
