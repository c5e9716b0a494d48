package kahu.stix.id;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no
 * whitespace, minimal string escaping, numbers in ECMAScript form. STIX hashes this text
 * to make deterministic observable ids, so every byte matters.
 */
public final class JsonCanonicalizer {
    private JsonCanonicalizer() {}

    public static String canonicalize(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode n, StringBuilder sb) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
                n.properties().forEach(entries::add);
                // String.compareTo compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks for.
                entries.sort(Map.Entry.comparingByKey());
                sb.append('{');
                for (int i = 0; i < entries.size(); i++) {
                    if (i > 0) sb.append(',');
                    string(entries.get(i).getKey(), sb);
                    sb.append(':');
                    write(entries.get(i).getValue(), sb);
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) sb.append(',');
                    write(n.get(i), sb);
                }
                sb.append(']');
            }
            case STRING -> string(n.textValue(), sb);
            case NUMBER -> sb.append(number(n));
            case BOOLEAN -> sb.append(n.booleanValue());
            case NULL -> sb.append("null");
            default -> throw new IllegalArgumentException("cannot canonicalise JSON node of type " + n.getNodeType());
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /** ECMAScript Number.prototype.toString of the IEEE double the JSON number denotes. */
    static String number(JsonNode n) {
        double d = n.isIntegralNumber() && n.canConvertToLong() ? (double) n.longValue() : n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("JSON has no NaN or Infinity");
        if (d == 0) return "0"; // also -0
        // Java's Double.toString gives the shortest round-tripping digits (JDK 19+); reformat them the ECMAScript way.
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int k = digits.length();
        int e = k - bd.scale(); // value = 0.digits × 10^e
        StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
        if (k <= e && e <= 21) {
            sb.append(digits).append("0".repeat(e - k));
        } else if (0 < e && e <= 21) {
            sb.append(digits, 0, e).append('.').append(digits, e, k);
        } else if (-6 < e && e <= 0) {
            sb.append("0.").append("0".repeat(-e)).append(digits);
        } else {
            int exp = e - 1;
            sb.append(digits.charAt(0));
            if (k > 1) sb.append('.').append(digits, 1, k);
            sb.append('e').append(exp < 0 ? "-" : "+").append(Math.abs(exp));
        }
        return sb.toString();
    }
}
