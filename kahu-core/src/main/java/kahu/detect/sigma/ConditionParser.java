package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a condition: {@code and}, {@code or}, {@code not}, parentheses, {@code 1 of},
 * {@code all of}, {@code them}, identifiers with {@code *} wildcards. Precedence, loosest first:
 * {@code or}, {@code and}, {@code not}. Aggregations after {@code |} (Sigma v1) are refused.
 */
final class ConditionParser {
    private final List<String> tokens;
    private int pos;

    private ConditionParser(List<String> tokens) {
        this.tokens = tokens;
    }

    static Condition parse(String text) {
        if (text.contains("|")) throw new IllegalArgumentException(
                "aggregation in condition ('|', Sigma v1) is not supported; use a correlation rule");
        ConditionParser p = new ConditionParser(tokenize(text));
        if (p.tokens.isEmpty()) throw new IllegalArgumentException("empty condition");
        Condition c = p.or();
        if (p.pos < p.tokens.size()) throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "' in condition");
        return c;
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) out.add(word.toString());
                word.setLength(0);
                if (!Character.isWhitespace(c)) out.add(String.valueOf(c));
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) out.add(word.toString());
        return out;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String next() {
        if (pos >= tokens.size()) throw new IllegalArgumentException("condition ends too early");
        return tokens.get(pos++);
    }

    private Condition or() {
        Condition left = and();
        while ("or".equalsIgnoreCase(peek())) {
            pos++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while ("and".equalsIgnoreCase(peek())) {
            pos++;
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if ("not".equalsIgnoreCase(peek())) {
            pos++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        String t = next();
        if (t.equals("(")) {
            Condition c = or();
            if (!")".equals(peek())) throw new IllegalArgumentException("missing ')' in condition");
            pos++;
            return c;
        }
        if (t.equals(")") || isKeyword(t)) throw new IllegalArgumentException("unexpected '" + t + "' in condition");
        if ("of".equalsIgnoreCase(peek())) {
            pos++;
            Condition.Quantity q = switch (t.toLowerCase()) {
                case "1", "any" -> Condition.Quantity.ONE;
                case "all" -> Condition.Quantity.ALL;
                default -> throw new IllegalArgumentException("'" + t + " of' is not supported (only '1 of' and 'all of')");
            };
            String target = next();
            if (target.equals("(") || target.equals(")") || isKeyword(target))
                throw new IllegalArgumentException("'" + t + " of' needs a name pattern or 'them'");
            return new Condition.Of(q, target.equalsIgnoreCase("them") ? null : target);
        }
        return new Condition.Ref(t);
    }

    private static boolean isKeyword(String t) {
        return t.equalsIgnoreCase("and") || t.equalsIgnoreCase("or") || t.equalsIgnoreCase("not") || t.equalsIgnoreCase("of");
    }
}
