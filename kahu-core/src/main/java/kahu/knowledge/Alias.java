package kahu.knowledge;

import java.util.List;

/** Another name for an actor, who uses it (a vendor, an agency) and the references that give it. */
public record Alias(String name, String by, List<String> sources) {
    public Alias {
        sources = List.copyOf(sources);
    }
}
