package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles a rule's {@code detection} block: its search identifiers, then the condition over them. */
final class DetectionCompiler {
    private DetectionCompiler() {}

    static Matcher compile(Map<?, ?> detection, CompileContext cx) {
        Map<String, Matcher> searches = new LinkedHashMap<>();
        Object condition = null;
        for (Map.Entry<?, ?> e : detection.entrySet()) {
            String name = String.valueOf(e.getKey());
            switch (name) {
                case "condition" -> condition = e.getValue();
                case "timeframe" -> cx.problem("'timeframe' in detection (Sigma v1 aggregation) is not supported; use a correlation rule");
                default -> searches.put(name, search(name, e.getValue(), cx));
            }
        }
        if (condition == null) {
            cx.problem("detection has no condition");
            return new Matcher.Const(false, "invalid");
        }
        List<Object> conditions = condition instanceof List<?> l ? new ArrayList<>(l) : List.of(condition);
        List<Matcher> alternatives = new ArrayList<>();
        for (Object c : conditions) {
            try {
                alternatives.add(resolve(ConditionParser.parse(String.valueOf(c)), searches, cx));
            } catch (IllegalArgumentException ex) {
                cx.problem(ex.getMessage());
            }
        }
        return alternatives.size() == 1 ? alternatives.getFirst() : new Matcher.Or(alternatives);
    }

    /** A search identifier: a map (AND of items), a list of maps (OR) or a list of keywords. */
    static Matcher search(String name, Object value, CompileContext cx) {
        return switch (value) {
            case Map<?, ?> map -> map(map, cx);
            case List<?> list when !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?>) ->
                    new Matcher.Or(list.stream().map(o -> map((Map<?, ?>) o, cx)).toList());
            case List<?> list when list.stream().noneMatch(o -> o instanceof Map<?, ?> || o instanceof List<?>) && !list.isEmpty() ->
                    ValueCompiler.item("", list, cx);
            case String s -> ValueCompiler.item("", s, cx);
            case Number n -> ValueCompiler.item("", n, cx);
            case null, default -> {
                cx.problem("search '" + name + "' is neither a map, a list of maps nor a list of keywords");
                yield new Matcher.Const(false, "invalid");
            }
        };
    }

    private static Matcher map(Map<?, ?> map, CompileContext cx) {
        if (map.isEmpty()) {
            cx.problem("empty selection map");
            return new Matcher.Const(false, "invalid");
        }
        List<Matcher> items = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) items.add(ValueCompiler.item(String.valueOf(e.getKey()), e.getValue(), cx));
        return items.size() == 1 ? items.getFirst() : new Matcher.And(items);
    }

    private static Matcher resolve(Condition c, Map<String, Matcher> searches, CompileContext cx) {
        return switch (c) {
            case Condition.Ref(String name) -> {
                Matcher m = searches.get(name);
                if (m == null) throw new IllegalArgumentException("condition names unknown search '" + name + "'");
                yield m;
            }
            case Condition.Not(Condition inner) -> new Matcher.Not(resolve(inner, searches, cx));
            case Condition.And(Condition l, Condition r) -> flatten(true, resolve(l, searches, cx), resolve(r, searches, cx));
            case Condition.Or(Condition l, Condition r) -> flatten(false, resolve(l, searches, cx), resolve(r, searches, cx));
            case Condition.Of(Condition.Quantity q, String pattern) -> {
                List<Matcher> picked = new ArrayList<>();
                for (Map.Entry<String, Matcher> e : searches.entrySet()) {
                    // "them" leaves out identifiers starting with an underscore, as the specification says.
                    boolean take = pattern == null ? !e.getKey().startsWith("_") : globMatches(pattern, e.getKey());
                    if (take) picked.add(e.getValue());
                }
                if (picked.isEmpty()) throw new IllegalArgumentException("condition pattern '" + (pattern == null ? "them" : pattern) + "' names no search");
                yield picked.size() == 1 ? picked.getFirst() : q == Condition.Quantity.ALL ? new Matcher.And(picked) : new Matcher.Or(picked);
            }
        };
    }

    private static Matcher flatten(boolean and, Matcher a, Matcher b) {
        List<Matcher> parts = new ArrayList<>();
        for (Matcher m : List.of(a, b)) {
            if (and && m instanceof Matcher.And(List<Matcher> all)) parts.addAll(all);
            else if (!and && m instanceof Matcher.Or(List<Matcher> any)) parts.addAll(any);
            else parts.add(m);
        }
        return and ? new Matcher.And(List.copyOf(parts)) : new Matcher.Or(List.copyOf(parts));
    }

    /** Identifier patterns use {@code *} (any run) only; no escapes are defined for them. */
    /**
     * Whether a search name matches a condition's glob ({@code sel*}): the literal parts between the stars
     * in order, without building a regular expression from rule text (which a crafted name could inject).
     */
    static boolean globMatches(String pattern, String name) {
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) return name.equals(pattern);
        if (!name.startsWith(parts[0])) return false;
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = name.indexOf(parts[i], at);
            if (found < 0) return false;
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return name.length() - last.length() >= at && name.endsWith(last);
    }
}
