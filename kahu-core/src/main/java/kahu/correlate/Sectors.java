package kahu.correlate;

import java.util.Locale;

/** Registers name sectors in their own words; the knowledge base has one list (docs/knowledge-base.md). */
final class Sectors {
    private Sectors() {}

    static String normalise(String sector) {
        if (sector == null) return null;
        String s = sector.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        return switch (s) {
            case "health", "health-care", "hospital" -> "healthcare";
            case "finance", "banking", "financial-services" -> "financial";
            case "local-government", "central-government", "public-sector" -> "government";
            case "university", "universities", "higher-education" -> "education";
            case "telecom", "telecoms", "telco" -> "telecommunications";
            case "defense", "defence-industry", "defense-industrial-base" -> "defence";
            case "utilities", "electricity" -> "energy";
            case "law", "law-firm" -> "legal";
            default -> s;
        };
    }
}
