package kahu.simulate;

/** JSON string escaping for the hand-written outputs (NDJSON events, register, ground truth). */
final class Json {
    private Json() {}

    static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"');
    }

    static StringBuilder field(StringBuilder sb, String name, String value) {
        string(sb, name).append(':');
        return value == null ? sb.append("null") : string(sb, value);
    }

    static StringBuilder strings(StringBuilder sb, Iterable<String> values) {
        sb.append('[');
        boolean first = true;
        for (String v : values) {
            if (!first) sb.append(',');
            first = false;
            string(sb, v);
        }
        return sb.append(']');
    }
}
