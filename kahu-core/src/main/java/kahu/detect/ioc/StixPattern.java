package kahu.detect.ioc;

import kahu.detect.ioc.Comparison.Operator;
import kahu.detect.ioc.PatternLexer.Kind;
import kahu.detect.ioc.PatternLexer.Token;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Hand-written recursive-descent parser of the STIX 2.1 patterning language (section 9 of the
 * specification). The grammar, loosest binding first:
 *
 * <pre>
 * pattern      := followedBy END
 * followedBy   := obsOr ( FOLLOWEDBY obsOr )*
 * obsOr        := obsAnd ( OR obsAnd )*
 * obsAnd       := qualified ( AND qualified )*
 * qualified    := obsPrimary ( WITHIN number SECONDS | REPEATS int TIMES | START t'..' STOP t'..' )*
 * obsPrimary   := '[' compOr ']' | '(' followedBy ')'
 * compOr       := compAnd ( OR compAnd )*
 * compAnd      := compTest ( AND compTest )*
 * compTest     := '(' compOr ')' | [NOT] EXISTS path | path [NOT] operator constant
 * path         := type ':' name ( '.' name | '[' (int | '*') ']' )*      name := word | 'quoted'
 * </pre>
 */
public final class StixPattern {
    private static final Set<String> ORDER_OPS = Set.of("=", "!=", ">", "<", ">=", "<=");

    /**
     * Deepest nesting of '(' and '[' accepted. The parser recurses once per level, so without a limit a feed's
     * pattern of a few thousand parentheses ends the JVM thread with a StackOverflowError (found by fuzzing);
     * real patterns nest a handful of levels.
     */
    static final int MAX_NESTING = 100;

    private final List<Token> tokens;
    private int i;
    private int depth;

    private StixPattern(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a pattern or throws {@link StixPatternException} with the column and what was expected. */
    public static Pattern parse(String pattern) {
        StixPattern p = new StixPattern(PatternLexer.tokens(pattern));
        Pattern result = p.followedBy();
        p.expectEnd();
        return result;
    }

    private Pattern followedBy() {
        Pattern left = obsOr();
        while (acceptWord("FOLLOWEDBY")) left = new Pattern.FollowedBy(left, obsOr());
        return left;
    }

    private Pattern obsOr() {
        Pattern left = obsAnd();
        while (acceptWord("OR")) left = new Pattern.Or(left, obsAnd());
        return left;
    }

    private Pattern obsAnd() {
        Pattern left = qualified();
        while (acceptWord("AND")) left = new Pattern.And(left, qualified());
        return left;
    }

    private Pattern qualified() {
        Pattern p = obsPrimary();
        while (true) {
            if (acceptWord("WITHIN")) {
                Token n = next();
                if (n.kind() != Kind.INT && n.kind() != Kind.FLOAT || Double.parseDouble(n.text()) <= 0) {
                    throw error(n, "a positive number of seconds after WITHIN");
                }
                expectWord("SECONDS");
                p = new Pattern.Within(p, Double.parseDouble(n.text()));
            } else if (acceptWord("REPEATS")) {
                Token n = next();
                int times = (int) integer(n, 1, Integer.MAX_VALUE, "a positive integer after REPEATS");
                expectWord("TIMES");
                p = new Pattern.Repeats(p, times);
            } else if (acceptWord("START")) {
                Instant start = timestamp(next(), "a timestamp t'…' after START");
                expectWord("STOP");
                Token stopTok = next();
                Instant stop = timestamp(stopTok, "a timestamp t'…' after STOP");
                if (!stop.isAfter(start)) throw error(stopTok, "a STOP timestamp later than START");
                p = new Pattern.StartStop(p, start, stop);
            } else {
                return p;
            }
        }
    }

    private Pattern obsPrimary() {
        Token t = next();
        if (isSymbol(t, "[")) {
            enter(t);
            Comparison c = compOr();
            expectSymbol("]", "']' closing the observation expression, or AND/OR");
            depth--;
            return new Pattern.Observation(c);
        }
        if (isSymbol(t, "(")) {
            enter(t);
            Pattern p = followedBy();
            expectSymbol(")", "')' or an observation operator (AND, OR, FOLLOWEDBY) or qualifier");
            depth--;
            return p;
        }
        throw error(t, "'[' starting an observation expression or '('");
    }

    private Comparison compOr() {
        Comparison left = compAnd();
        while (acceptWord("OR")) left = new Comparison.Or(left, compAnd());
        return left;
    }

    private Comparison compAnd() {
        Comparison left = compTest();
        while (acceptWord("AND")) left = new Comparison.And(left, compTest());
        return left;
    }

    private Comparison compTest() {
        if (isSymbol(peek(), "(")) {
            enter(next());
            Comparison c = compOr();
            expectSymbol(")", "')' closing the comparison group, or AND/OR");
            depth--;
            return c;
        }
        boolean notExists = peekWord("NOT") && isWord(tokens.get(i + 1), "EXISTS");
        if (notExists) next();
        if (acceptWord("EXISTS")) return new Comparison.Exists(path(), notExists);
        ObjectPath path = path();
        boolean negated = acceptWord("NOT");
        Token op = next();
        Operator operator = operator(op);
        return new Comparison.Test(path, operator, negated, constantFor(operator));
    }

    private Operator operator(Token op) {
        if (op.kind() == Kind.SYMBOL && ORDER_OPS.contains(op.text())) {
            return switch (op.text()) {
                case "=" -> Operator.EQ;
                case "!=" -> Operator.NEQ;
                case ">" -> Operator.GT;
                case "<" -> Operator.LT;
                case ">=" -> Operator.GE;
                default -> Operator.LE;
            };
        }
        if (op.kind() == Kind.WORD) {
            for (Operator o : Operator.values()) {
                if (o.symbol().equals(op.text()) && Character.isLetter(o.symbol().charAt(0))) return o;
            }
        }
        throw error(op, "a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)");
    }

    private Constant constantFor(Operator op) {
        Token t = next();
        return switch (op) {
            case IN -> {
                if (!isSymbol(t, "(")) throw error(t, "'(' starting the set of constants after IN");
                List<Constant> values = new ArrayList<>();
                do {
                    values.add(literal(next()));
                } while (acceptSymbol(","));
                expectSymbol(")", "',' or ')' in the set after IN");
                yield new Constant.SetOf(values);
            }
            case LIKE, MATCHES, ISSUBSET, ISSUPERSET -> {
                if (t.kind() != Kind.STRING) throw error(t, "a string constant after " + op.symbol());
                if (op == Operator.MATCHES) checkRegex(t);
                yield new Constant.Str(t.text());
            }
            case GT, LT, GE, LE -> {
                Constant c = literal(t);
                if (c instanceof Constant.Bool) throw error(t, "an orderable constant (number, string, timestamp, bytes) after " + op.symbol());
                yield c;
            }
            default -> literal(t);
        };
    }

    private static void checkRegex(Token t) {
        try {
            com.google.re2j.Pattern.compile(t.text());
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw new StixPatternException(t.column(), "a valid regular expression (" + e.getDescription() + ")", "'" + t.text() + "'");
        }
    }

    private Constant literal(Token t) {
        return switch (t.kind()) {
            case STRING -> new Constant.Str(t.text());
            case INT -> {
                try {
                    yield new Constant.Int(Long.parseLong(t.text()));
                } catch (NumberFormatException e) {
                    throw error(t, "an integer that fits in 64 bits");
                }
            }
            case FLOAT -> new Constant.Real(Double.parseDouble(t.text()));
            case HEX -> {
                try {
                    if (t.text().length() % 2 != 0) throw new IllegalArgumentException();
                    yield new Constant.Bytes(HexFormat.of().parseHex(t.text()));
                } catch (IllegalArgumentException e) {
                    throw error(t, "an even number of hex digits in h'…'");
                }
            }
            case BINARY -> {
                try {
                    yield new Constant.Bytes(Base64.getDecoder().decode(t.text()));
                } catch (IllegalArgumentException e) {
                    throw error(t, "base64 in b'…'");
                }
            }
            case TIMESTAMP -> new Constant.Timestamp(timestamp(t, "an RFC 3339 timestamp in t'…'"));
            case WORD -> switch (t.text()) {
                case "true" -> new Constant.Bool(true);
                case "false" -> new Constant.Bool(false);
                default -> throw error(t, "a constant (string, number, boolean, h'…', b'…', t'…')");
            };
            default -> throw error(t, "a constant (string, number, boolean, h'…', b'…', t'…')");
        };
    }

    private Instant timestamp(Token t, String expected) {
        if (t.kind() != Kind.TIMESTAMP) throw error(t, expected);
        try {
            return OffsetDateTime.parse(t.text()).toInstant();
        } catch (DateTimeParseException e) {
            throw error(t, "an RFC 3339 timestamp such as t'2026-01-31T12:00:00Z'");
        }
    }

    private ObjectPath path() {
        Token type = next();
        if (type.kind() != Kind.WORD || !type.text().matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
            throw error(type, "an object path such as file:name (object type, ':', property), '(' or EXISTS");
        }
        expectSymbol(":", "':' after the object type " + type.text());
        List<ObjectPath.Step> steps = new ArrayList<>();
        steps.add(new ObjectPath.Property(name(next())));
        while (true) {
            if (acceptSymbol(".")) {
                steps.add(new ObjectPath.Property(name(next())));
            } else if (acceptSymbol("[")) {
                Token idx = next();
                if (isSymbol(idx, "*")) steps.add(new ObjectPath.AnyIndex());
                else steps.add(new ObjectPath.Index((int) integer(idx, 0, Integer.MAX_VALUE, "a list index (a non-negative integer or '*')")));
                expectSymbol("]", "']' closing the list index");
            } else {
                return new ObjectPath(type.text(), steps);
            }
        }
    }

    private String name(Token t) {
        if (t.kind() == Kind.WORD || t.kind() == Kind.STRING) return t.text();
        throw error(t, "a property name");
    }

    /**
     * The value of an integer token within [min, max], else a parse error saying what was expected: digits
     * beyond the range (found by fuzzing: REPEATS 333…335 TIMES) must not escape as NumberFormatException.
     */
    private static long integer(Token t, long min, long max, String expected) {
        if (t.kind() != Kind.INT) throw error(t, expected);
        long v;
        try {
            v = Long.parseLong(t.text());
        } catch (NumberFormatException tooLong) {
            throw error(t, expected);
        }
        if (v < min || v > max) throw error(t, expected);
        return v;
    }

    /** One level deeper at the opening token t; a parse error beyond {@link #MAX_NESTING}. */
    private void enter(Token t) {
        if (++depth > MAX_NESTING) throw error(t, "at most " + MAX_NESTING + " nested parentheses and brackets");
    }

    // ---- token helpers ----

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        Token t = tokens.get(i);
        if (t.kind() != Kind.END) i++;
        return t;
    }

    private static boolean isWord(Token t, String w) {
        return t.kind() == Kind.WORD && t.text().equals(w);
    }

    private static boolean isSymbol(Token t, String s) {
        return t.kind() == Kind.SYMBOL && t.text().equals(s);
    }

    private boolean peekWord(String w) {
        return isWord(peek(), w);
    }

    private boolean acceptWord(String w) {
        if (!peekWord(w)) return false;
        i++;
        return true;
    }

    private boolean acceptSymbol(String s) {
        if (!isSymbol(peek(), s)) return false;
        i++;
        return true;
    }

    private void expectWord(String w) {
        Token t = next();
        if (!isWord(t, w)) throw error(t, w);
    }

    private void expectSymbol(String s, String expected) {
        Token t = next();
        if (!isSymbol(t, s)) throw error(t, expected);
    }

    private void expectEnd() {
        Token t = peek();
        if (t.kind() != Kind.END) throw error(t, "end of pattern, or AND, OR, FOLLOWEDBY or a qualifier");
    }

    private static StixPatternException error(Token t, String expected) {
        return new StixPatternException(t.column(), expected, t.shown());
    }
}
