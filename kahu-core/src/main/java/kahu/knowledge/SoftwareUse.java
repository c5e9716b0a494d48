package kahu.knowledge;

import java.util.List;

/** Malware or a tool an actor is reported to use; {@code attackId} is the ATT&CK S-number or null. */
public record SoftwareUse(String name, String attackId, List<String> sources) {
    public SoftwareUse {
        sources = List.copyOf(sources);
    }
}
