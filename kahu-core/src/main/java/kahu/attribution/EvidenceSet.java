package kahu.attribution;

import java.util.List;

/**
 * Everything extracted about one subject (a bundle, a grouping, an incident), with warnings about
 * what could not be used (unknown technique IDs, revoked ones followed, objects without value).
 */
public record EvidenceSet(String subject, List<Evidence> items, List<String> warnings) {
    public EvidenceSet {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }

    public EvidenceSet without(Evidence e) {
        List<Evidence> rest = new java.util.ArrayList<>(items);
        rest.remove(e);
        return new EvidenceSet(subject, rest, warnings);
    }
}
