package kahu.attribution;

import java.util.List;

/**
 * An attribution assessment of one subject: every named hypothesis with its probability (those
 * shown here plus {@code otherActorsProbability} plus {@code unknownActorProbability} sum to 1),
 * confidence, the ACH matrix, the false-flag check and the statement.
 */
public record Assessment(String subject, List<Hypothesis> hypotheses, double otherActorsProbability,
                         double unknownActorProbability, Estimative unknownPhia, Confidence confidence, String statement,
                         AchMatrix ach, Sensitivity sensitivity, List<Evidence> evidence, List<String> warnings) {
    public static final String UNKNOWN_ACTOR = "unknown or unlisted actor";

    public Assessment {
        hypotheses = List.copyOf(hypotheses);
        evidence = List.copyOf(evidence);
        warnings = List.copyOf(warnings);
    }

    /** The most probable named actor, or null when there is none. */
    public Hypothesis leader() {
        return hypotheses.isEmpty() ? null : hypotheses.getFirst();
    }

    /**
     * This assessment with only its {@code n} most probable named hypotheses, each with its {@code strongest}
     * largest evidence weights; the dropped hypotheses' probability joins {@link #otherActorsProbability()}, so the
     * probabilities still sum to 1. The ACH matrix (the leading four hypotheses' weight for every evidence item),
     * sensitivity checks, evidence and statement are unchanged. For storing assessments by the hundred thousand:
     * every hypothesis with its weight for every item made an incident's stored assessment about 40 KB, a
     * campaign's (thousands of pooled items) about 1 MB.
     */
    public Assessment leading(int n, int strongest) {
        double dropped = 0;
        for (Hypothesis h : hypotheses.subList(Math.min(n, hypotheses.size()), hypotheses.size())) dropped += h.probability();
        List<Hypothesis> kept = hypotheses.stream().limit(n).map(h -> h.evidence().size() <= strongest ? h
                : new Hypothesis(h.key(), h.actor(), h.attackId(), h.aliases(), h.sponsor(), h.probability(), h.phia(), h.icd203(),
                        h.evidence().stream().sorted(java.util.Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())))
                                .limit(strongest).toList())).toList();
        return new Assessment(subject, kept, otherActorsProbability + dropped, unknownActorProbability, unknownPhia,
                confidence, statement, ach, sensitivity, evidence, warnings);
    }

    /**
     * Whether the reports, summaries and shared STIX name the leading actor as the one behind the
     * activity: a named actor leads and is at least a "realistic possibility" (PHIA 40–50%). Below
     * that (failed exploit attempts seen by a dozen actors' profiles alike: the leader at 10–20%) the
     * leading hypothesis is still shown, as a hypothesis, and the activity counts as not attributed.
     */
    public boolean namesActor() {
        return !unknownLeads() && EstimativeLanguage.realisticPossibilityOrAbove(leader().probability());
    }

    public boolean unknownLeads() {
        return unknownLeads(leader(), unknownActorProbability);
    }

    /** No named actor explains the evidence better than an unknown one. */
    static boolean unknownLeads(Hypothesis leader, double unknownProbability) {
        return leader == null || unknownProbability >= leader.probability();
    }
}
