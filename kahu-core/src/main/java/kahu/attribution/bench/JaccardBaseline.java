package kahu.attribution.bench;

import kahu.knowledge.Actor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Baseline: Jaccard similarity of the incident's technique and software set with each actor's
 * (reduced) profile. Scores are normalised to sum 1 so that Brier score and calibration can be
 * computed; it has no unknown actor (probability 0). Not a calibrated probability by design.
 */
final class JaccardBaseline implements Ranker {
    private final List<Set<String>> profiles;

    JaccardBaseline(List<Actor> candidates) {
        profiles = candidates.stream().map(Profiles::terms).toList();
    }

    @Override
    public double[] probabilities(SimulatedIncident incident) {
        Set<String> seen = new HashSet<>(incident.terms());
        double[] scores = new double[profiles.size() + 1];
        for (int a = 0; a < profiles.size(); a++) {
            Set<String> p = profiles.get(a);
            int common = 0;
            for (String t : seen) if (p.contains(t)) common++;
            int union = seen.size() + p.size() - common;
            scores[a] = union == 0 ? 0 : (double) common / union;
        }
        return Normalise.toProbabilities(scores);
    }
}
