package kahu.stix.model;

import java.util.List;

/** A marking (or language) applied to parts of an object, named by selectors. */
public record GranularMarking(String lang, String markingRef, List<String> selectors) {
    public GranularMarking {
        if (selectors == null || selectors.isEmpty()) throw new IllegalArgumentException("granular marking needs selectors");
        if ((lang == null) == (markingRef == null))
            throw new IllegalArgumentException("granular marking needs exactly one of lang and marking_ref");
        selectors = List.copyOf(selectors);
    }
}
