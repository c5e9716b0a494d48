package kahu.knowledge;

import java.util.List;

/**
 * The state behind an actor, where public.
 *
 * @param country     ISO 3166-1 alpha-2 code
 * @param countryName English short name, e.g. China
 * @param agency      e.g. Ministry of State Security, or null when not public
 */
public record Sponsor(String country, String countryName, String agency, List<String> sources) {
    public Sponsor {
        sources = List.copyOf(sources);
    }

    /** "China / Ministry of State Security", or just the country. */
    public String describe() {
        String c = countryName != null ? countryName : country;
        return agency == null ? c : c + " / " + agency;
    }
}
