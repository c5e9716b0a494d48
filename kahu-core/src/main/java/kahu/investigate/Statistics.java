package kahu.investigate;

import kahu.attribution.EstimativeLanguage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The national figures: serious incidents (categories 1–3) in a period and the share that can be linked
 * to state-sponsored actors, by actor, sponsor and sector, with the method in words.
 *
 * <p>An incident counts as linked when its own assessment, or that of the campaign it belongs to, rates
 * a named actor with a public state sponsor "likely" or above on the PHIA yardstick (55 % and up) and
 * above the "unknown actor" hypothesis. The campaign counts because a campaign pools the evidence of
 * all its incidents: a single server's logs often show too little, the campaign's show who it was.
 */
public record Statistics(Instant from, Instant to, int incidents, int serious, int linked, double share, String statement,
                         String method, Map<String, Integer> byActor, Map<String, Integer> bySponsor,
                         Map<String, Integer> bySector, Map<Integer, Integer> byCategory) {
    private static final Set<String> LIKELY_OR_ABOVE = Set.of("likely", "highly likely", "almost certain");

    static final String METHOD = "Serious incidents are those of category 1 to 3 on the UK/NZ national incident "
            + "categorisation (Kahu sets the category from how far the intrusion got and who was hit). An incident is "
            + "linked to a state-sponsored actor when its own attribution, or that of the campaign it belongs to, rates a "
            + "named actor with a publicly attributed state sponsor \"likely\" or above (PHIA, at least 55%) and ahead of "
            + "an unknown actor. Shares are of serious incidents in the period; incidents at unknown organisations count.";

    public static Statistics of(List<StatsRow> rows, Instant from, Instant to) {
        int total = 0, serious = 0, linked = 0;
        Map<String, Integer> byActor = new TreeMap<>(), bySponsor = new TreeMap<>(), bySector = new TreeMap<>();
        Map<Integer, Integer> byCategory = new TreeMap<>();
        for (StatsRow r : rows) {
            if (from != null && r.first().isBefore(from)) continue;
            if (to != null && !r.first().isBefore(to)) continue;
            total++;
            byCategory.merge(r.category(), 1, Integer::sum);
            if (r.category() > 3) continue;
            serious++;
            StatsRow.Lead lead = stateLead(r);
            if (lead == null) continue;
            linked++;
            byActor.merge(lead.name(), 1, Integer::sum);
            bySponsor.merge(lead.sponsorCountry(), 1, Integer::sum);
            bySector.merge(r.sector() == null ? "unknown" : r.sector(), 1, Integer::sum);
        }
        double share = serious == 0 ? 0 : (double) linked / serious;
        String statement = serious == 0 ? "No serious malicious cyber activity was recorded in the period."
                : "About " + Math.round(share * 20) * 5 + "% of serious malicious cyber activity can be linked to "
                  + "state-sponsored actors (" + String.format(java.util.Locale.ROOT, "%,d of %,d", linked, serious) + " serious incidents, "
                  + Math.round(share * 1000) / 10.0 + "%).";
        return new Statistics(from, to, total, serious, linked, share, statement, METHOD, byActor, bySponsor, bySector, byCategory);
    }

    /** The state-sponsored lead that links the incident, the stronger of its own and its campaign's, or null. */
    static StatsRow.Lead stateLead(StatsRow r) {
        StatsRow.Lead best = null;
        for (StatsRow.Lead l : new StatsRow.Lead[]{r.incidentLead(), r.campaignLead()}) {
            if (l == null || l.key() == null || l.sponsorCountry() == null) continue;
            if (!LIKELY_OR_ABOVE.contains(EstimativeLanguage.phia(l.probability()).term())) continue;
            if (best == null || l.probability() > best.probability()) best = l;
        }
        return best;
    }
}
