package kahu.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Builds the ECS-style normalised view, dropping absent values ({@code -}, empty) as ECS does. */
final class Normalized {
    private final Map<String, Object> map = new HashMap<>(32);

    Normalized(String dataset, String file, Instant timestamp) {
        map.put("event.dataset", dataset);
        map.put("log.file.path", file);
        if (timestamp != null) map.put("@timestamp", timestamp.toString());
    }

    Normalized put(String ecsName, String value) {
        if (present(value)) map.put(ecsName, value);
        return this;
    }

    /** A number when the text is one, else nothing: ECS numeric fields stay numeric. */
    Normalized putLong(String ecsName, String value) {
        Long n = asLong(value);
        if (n != null) map.put(ecsName, n);
        return this;
    }

    Normalized putObject(String ecsName, Object value) {
        if (value != null) map.put(ecsName, value);
        return this;
    }

    Map<String, Object> map() {
        return map;
    }

    static boolean present(String value) {
        return value != null && !value.isEmpty() && !value.equals("-");
    }

    static Long asLong(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) return null;
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == s.length()) return null;
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
            v = v * 10 + (c - '0');
        }
        return s.charAt(0) == '-' ? -v : v;
    }

    /** {@code path?query}, or the path alone when there is no query. */
    static String urlOriginal(String path, String query) {
        if (!present(path)) return null;
        return present(query) ? path + "?" + query : path;
    }
}
