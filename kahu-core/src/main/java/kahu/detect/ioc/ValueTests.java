package kahu.detect.ioc;

import com.google.re2j.Pattern;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import kahu.detect.ioc.Comparison.Operator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One property value against one constant under one operator (STIX 2.1 section 9.5 semantics).
 * Values that cannot be compared with the constant (a string against a number) make the comparison
 * false rather than an error: observed data is untrusted and often loosely typed.
 */
final class ValueTests {
    /** Compiled LIKE and MATCHES expressions; re2j keeps matching linear in the input. */
    private static final ConcurrentHashMap<String, Pattern> REGEX = new ConcurrentHashMap<>();

    private ValueTests() {}

    static boolean test(Object value, Operator op, Constant c, boolean caseInsensitive) {
        return switch (op) {
            case EQ -> equal(value, c, caseInsensitive);
            case NEQ -> comparable(value, c) && !equal(value, c, caseInsensitive);
            case GT -> order(value, c) > 0;
            case LT -> lessOrEqual(order(value, c), false);
            case GE -> order(value, c) >= 0;
            case LE -> lessOrEqual(order(value, c), true);
            case IN -> ((Constant.SetOf) c).values().stream().anyMatch(x -> equal(value, x, caseInsensitive));
            case LIKE -> value instanceof String s && regex("like:" + ((Constant.Str) c).value()).matches(s);
            case MATCHES -> value instanceof String s && regex("re:" + ((Constant.Str) c).value()).matcher(s).find();
            case ISSUBSET -> value instanceof String s && subnet(s, ((Constant.Str) c).value());
            case ISSUPERSET -> value instanceof String s && subnet(((Constant.Str) c).value(), s);
        };
    }

    /** Distinct from every real comparison result, and negative so LT/LE must exclude it explicitly. */
    private static final int NOT_COMPARABLE = Integer.MIN_VALUE;

    private static boolean lessOrEqual(int order, boolean orEqual) {
        return order != NOT_COMPARABLE && (order < 0 || orEqual && order == 0);
    }

    private static boolean comparable(Object value, Constant c) {
        return order(value, c) != NOT_COMPARABLE || value instanceof Boolean && c instanceof Constant.Bool;
    }

    private static boolean equal(Object value, Constant c, boolean caseInsensitive) {
        if (c instanceof Constant.Bool(boolean b)) return value instanceof Boolean v && v == b;
        if (c instanceof Constant.Str(String s) && value instanceof String v) {
            return caseInsensitive ? v.equalsIgnoreCase(s) : v.equals(s);
        }
        return order(value, c) == 0;
    }

    /** value compared with c, or NOT_COMPARABLE. */
    static int order(Object value, Constant c) {
        try {
            return switch (c) {
                case Constant.Int(long n) -> value instanceof Number v ? Double.compare(v.doubleValue(), n) : NOT_COMPARABLE;
                case Constant.Real(double d) -> value instanceof Number v ? Double.compare(v.doubleValue(), d) : NOT_COMPARABLE;
                case Constant.Str(String s) -> value instanceof String v ? Integer.signum(v.compareTo(s)) : NOT_COMPARABLE;
                case Constant.Timestamp(Instant t) -> value instanceof String v ? OffsetDateTime.parse(v).toInstant().compareTo(t) : NOT_COMPARABLE;
                case Constant.Bytes b -> value instanceof String v ? Integer.signum(java.util.Arrays.compareUnsigned(bytes(v), b.value())) : NOT_COMPARABLE;
                default -> NOT_COMPARABLE;
            };
        } catch (RuntimeException malformed) {
            return NOT_COMPARABLE;
        }
    }

    /** Binary properties are base64 in STIX JSON; hex is accepted too for hash-like values. */
    private static byte[] bytes(String v) {
        if (v.length() % 2 == 0 && v.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) return HexFormat.of().parseHex(v);
        return Base64.getDecoder().decode(v);
    }

    private static boolean subnet(String inner, String outer) {
        IPAddress in = new IPAddressString(inner).getAddress();
        IPAddress out = new IPAddressString(outer).getAddress();
        return in != null && out != null && out.toPrefixBlock().contains(in);
    }

    private static Pattern regex(String key) {
        return REGEX.computeIfAbsent(key, k -> k.startsWith("like:")
                ? Pattern.compile(likeToRegex(k.substring(5)), Pattern.DOTALL)
                : Pattern.compile(k.substring(3)));
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, everything else literal. */
    static String likeToRegex(String like) {
        StringBuilder sb = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char ch : like.toCharArray()) {
            if (ch == '%' || ch == '_') {
                if (!lit.isEmpty()) sb.append(Pattern.quote(lit.toString()));
                lit.setLength(0);
                sb.append(ch == '%' ? ".*" : ".");
            } else {
                lit.append(ch);
            }
        }
        if (!lit.isEmpty()) sb.append(Pattern.quote(lit.toString()));
        return sb.toString();
    }
}
