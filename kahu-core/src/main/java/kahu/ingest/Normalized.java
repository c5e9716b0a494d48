package kahu.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the ECS-style normalised view, dropping absent values ({@code -}, empty) as ECS does. Into a fresh
 * map, or into a reader's {@link SlotMap.Builder} when the reader reuses one for every event (the fast path).
 */
final class Normalized {
    private final Map<String, Object> map;
    private final SlotMap.Builder slots;

    Normalized(String dataset, String file, Instant timestamp) {
        this(null, dataset, file, timestamp);
    }

    Normalized(SlotMap.Builder slots, String dataset, String file, Instant timestamp) {
        this.slots = slots;
        if (slots != null) slots.clear();
        this.map = slots == null ? new HashMap<>(32) : null;
        putObject("event.dataset", dataset);
        putObject("log.file.path", file);
        if (timestamp != null) putObject("@timestamp", IsoInstant.format(timestamp));
    }

    Normalized put(String ecsName, String value) {
        if (present(value)) putObject(ecsName, value);
        return this;
    }

    /** A number when the text is one, else nothing: ECS numeric fields stay numeric. */
    Normalized putLong(String ecsName, String value) {
        Long n = asLong(value);
        if (n != null) putObject(ecsName, n);
        return this;
    }

    Normalized putObject(String ecsName, Object value) {
        if (value == null) return this;
        if (slots != null) slots.put(ecsName, value);
        else map.put(ecsName, value);
        return this;
    }

    /** The view; with a builder, its values are handed over and the builder is ready for the next event. */
    Map<String, Object> map() {
        return slots != null ? slots.build() : map;
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
