package kahu.investigate;

import java.time.Instant;

/**
 * One stored incident as statistics see it: when, how serious, which sector, and the leading hypothesis
 * of its own assessment and of its campaign's (null when it is in none).
 */
public record StatsRow(String incident, Instant first, int category, String sector, String organisation, Lead incidentLead,
                       Lead campaignLead) {
    /** A leading hypothesis: the actor (null key when "unknown" leads), its probability and its sponsor's country. */
    public record Lead(String key, String name, double probability, String sponsorCountry) {}
}
