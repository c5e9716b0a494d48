package kahu.knowledge;

import java.util.List;

/** An ATT&CK technique (e.g. T1505.003) an actor is reported to use. */
public record TechniqueUse(String id, String name, List<String> sources) {
    public TechniqueUse {
        sources = List.copyOf(sources);
    }
}
