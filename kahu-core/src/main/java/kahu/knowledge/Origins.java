package kahu.knowledge;

/** The sources an {@link ActorRecord} can come from. */
public final class Origins {
    public static final String KAHU = "kahu";
    public static final String ATTACK = "mitre-attack";
    public static final String MISP = "misp-galaxy";

    private Origins() {}

    static String describe(String origin) {
        return switch (origin) {
            case KAHU -> "Kahu curated";
            case ATTACK -> "MITRE ATT&CK";
            case MISP -> "MISP galaxy";
            default -> origin;
        };
    }
}
