package kahu.correlate;

/**
 * An incident's severity category, 1 (national cyber emergency) to 6 (localised), after the UK
 * NCSC's and law enforcement's categorisation of 2018, which New Zealand's NCSC also uses
 * (https://www.ncsc.gov.uk/news/new-cyber-attack-categorisation-system-improve-uk-response-incidents;
 * "Categorising UK cyber incidents", NCSC, 2023). The framework judges impact on the organisation and
 * on the country; Kahu reads impact from how far the intrusion got ({@link Stage}) and who was hit
 * (size; government and essential services):
 * <ul>
 * <li>serious impact (credentials, mail or data taken, files encrypted) on essential services or
 *     government: 2 when destructive (ransomware), else 3; on a large organisation 3; medium 4; small 5;
 * <li>a compromise (considerable risk): essential services or government 3; large 4; medium 5; small 6;
 * <li>attempts only (preliminary indications): large, government or essential 5; else 6.
 * </ul>
 * Category 1 needs a national judgement (sustained disruption of essential services, loss of life)
 * that logs cannot make; Kahu never assigns it on its own.
 *
 * @param reason why, in words an analyst can check
 */
public record IncidentCategory(int category, String name, String reason) {
    private static final String[] NAMES = {"", "national cyber emergency", "highly significant incident",
            "significant incident", "substantial incident", "moderate incident", "localised incident"};

    public IncidentCategory {
        if (category < 1 || category > 6) throw new IllegalArgumentException("category is 1..6: " + category);
    }

    /** Categories 1 to 3 are the serious ones national statistics count. */
    public boolean serious() {
        return category <= 3;
    }

    public static IncidentCategory of(Organisation org, Stage stage, boolean destructive) {
        String who = org.essential() ? "government or an essential service (" + org.sector() + ")" : org.size() + " organisation";
        int c = switch (stage) {
            case IMPACT -> org.essential() ? (destructive ? 2 : 3) : switch (org.size()) {
                case "large" -> 3;
                case "small" -> 5;
                default -> 4;
            };
            case COMPROMISE -> org.essential() ? 3 : switch (org.size()) {
                case "large" -> 4;
                case "small" -> 6;
                default -> 5;
            };
            case ATTEMPT -> org.essential() || "large".equals(org.size()) ? 5 : 6;
        };
        String what = switch (stage) {
            case IMPACT -> destructive ? "destructive impact (files encrypted or services stopped)"
                    : "serious impact (credentials, mail or data taken, or resources hijacked)";
            case COMPROMISE -> "a compromise (code run on the server or a web shell) posing considerable risk";
            case ATTEMPT -> "preliminary indications only (exploitation attempted, no sign it succeeded)";
        };
        return new IncidentCategory(c, NAMES[c], what + " at " + who);
    }
}
