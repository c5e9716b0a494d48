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

    public boolean unknownLeads() {
        return unknownLeads(leader(), unknownActorProbability);
    }

    /** No named actor explains the evidence better than an unknown one. */
    static boolean unknownLeads(Hypothesis leader, double unknownProbability) {
        return leader == null || unknownProbability >= leader.probability();
    }
}
