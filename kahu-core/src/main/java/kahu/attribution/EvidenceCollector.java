package kahu.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers items and warnings in the order they were found. One item per kind and value: the first
 * source is kept, because the model must not count the same technique (or address) twice.
 */
final class EvidenceCollector {
    private final Map<String, Evidence> items = new LinkedHashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    void add(Evidence e) {
        items.putIfAbsent(e.kind() + " " + e.value(), e);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    boolean has(EvidenceKind kind, String value) {
        return items.containsKey(kind + " " + value);
    }

    /** The warnings alone, for a caller that takes one item from the collector rather than a set. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    EvidenceSet toSet(String subject) {
        List<String> w = new ArrayList<>(warnings);
        if (items.isEmpty()) w.add("no usable evidence");
        return new EvidenceSet(subject, List.copyOf(items.values()), w);
    }
}
