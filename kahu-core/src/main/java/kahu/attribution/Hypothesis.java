package kahu.attribution;

import kahu.knowledge.Sponsor;

import java.util.List;

/**
 * One named actor as an explanation of the evidence.
 *
 * @param evidence every item's contribution to this hypothesis, strongest (either way) first
 */
public record Hypothesis(String key, String actor, String attackId, List<String> aliases, Sponsor sponsor,
                         double probability, Estimative phia, Estimative icd203, List<Contribution> evidence) {
    public Hypothesis {
        aliases = List.copyOf(aliases);
        evidence = List.copyOf(evidence);
    }

    /** "Leviathan (APT40)": the name and, when the name is not one, the best-known APT number. */
    public String label() {
        for (String a : aliases) {
            if (a.matches("APT ?\\d+") && !a.equalsIgnoreCase(actor)) return actor + " (" + a + ")";
        }
        return attackId == null ? actor : actor + " (" + attackId + ")";
    }
}
