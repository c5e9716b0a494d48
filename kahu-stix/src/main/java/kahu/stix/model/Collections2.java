package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies that keep "absent" (null) apart from "empty", because STIX round trips
 * must not invent {@code "labels": []} where there was none, and keep insertion order.
 */
final class Collections2 {
    private Collections2() {}

    static <T> List<T> copyOf(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Unmodelled properties: never null, so callers can iterate without checks. */
    static Map<String, JsonNode> copyOfOther(Map<String, JsonNode> other) {
        if (other == null || other.isEmpty()) return Map.of();
        // JsonNode is mutable: copy so nobody can change a record from outside.
        LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>();
        other.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }
}
