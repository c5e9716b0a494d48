package kahu.attribution;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * STIX 2.1 industry-sector-ov values (and Kahu's own names) → the sector list of
 * docs/knowledge-base.md, so that a victim's sector meets the actors' targeted sectors.
 */
final class IndustrySectors {
    /** Kahu's sector list, from docs/knowledge-base.md. */
    static final Set<String> KAHU = Set.of("government", "defence", "maritime", "aviation", "energy", "telecommunications",
            "technology", "healthcare", "pharmaceutical", "education", "research", "legal", "financial", "manufacturing",
            "media", "ngo", "think-tank", "political", "transport", "retail", "hospitality", "engineering",
            "construction", "chemical", "mining", "agriculture", "cryptocurrency", "critical-infrastructure");

    /** The STIX vocabulary (section 10.12 of STIX 2.1) where its word differs from Kahu's. */
    private static final Map<String, String> STIX = Map.ofEntries(
            Map.entry("government-national", "government"), Map.entry("government-regional", "government"),
            Map.entry("government-local", "government"), Map.entry("government-public-services", "government"),
            Map.entry("defense", "defence"), Map.entry("aerospace", "aviation"), Map.entry("automotive", "manufacturing"),
            Map.entry("communications", "telecommunications"), Map.entry("telecommunications-wireless", "telecommunications"),
            Map.entry("financial-services", "financial"), Map.entry("insurance", "financial"),
            Map.entry("hospitality-leisure", "hospitality"), Map.entry("entertainment", "media"),
            Map.entry("infrastructure", "critical-infrastructure"), Map.entry("dams", "critical-infrastructure"),
            Map.entry("nuclear", "critical-infrastructure"), Map.entry("water", "critical-infrastructure"),
            Map.entry("utilities", "energy"), Map.entry("non-profit", "ngo"), Map.entry("pharmaceuticals", "pharmaceutical"),
            Map.entry("transportation", "transport"));

    private IndustrySectors() {}

    /** Kahu's sector for a STIX sector value, or null when there is none. */
    static String kahuSector(String stixValue) {
        String v = stixValue.strip().toLowerCase(Locale.ROOT);
        if (KAHU.contains(v)) return v;
        return STIX.get(v);
    }
}
