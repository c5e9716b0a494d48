package kahu.knowledge;

import java.util.List;

/**
 * An ATT&CK object known by its external ID: a technique (T…), software (S…) or group (G…).
 *
 * @param revokedBy  the external ID that replaced it, or null
 * @param techniques for software, the techniques ATT&CK says it implements (empty otherwise)
 * @param aliases    other names ATT&CK gives it (software's x_mitre_aliases, groups' aliases), without the name
 */
public record AttackEntry(String attackId, Kind kind, String stixId, String name, String revokedBy, boolean deprecated,
                          List<String> techniques, List<String> aliases) {
    public enum Kind { TECHNIQUE, SOFTWARE, GROUP }

    public AttackEntry {
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
