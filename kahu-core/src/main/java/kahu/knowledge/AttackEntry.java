package kahu.knowledge;

/**
 * An ATT&CK object known by its external ID: a technique (T…), software (S…) or group (G…).
 *
 * @param revokedBy the external ID that replaced it, or null
 */
public record AttackEntry(String attackId, Kind kind, String stixId, String name, String revokedBy, boolean deprecated) {
    public enum Kind { TECHNIQUE, SOFTWARE, GROUP }
}
