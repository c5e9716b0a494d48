package kahu.attribution.bench;

import kahu.knowledge.Actor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Baseline: cosine similarity of TF-IDF vectors (binary term frequency, idf = ln(N/df) over the N
 * candidate profiles) of the incident and each actor's (reduced) profile; scores normalised to sum 1,
 * no unknown actor. Rare techniques count more, as in the model, but without a likelihood.
 */
final class TfIdfBaseline implements Ranker {
    private final List<Set<String>> profiles;
    private final double[] norms;
    private final Map<String, Double> idf = new HashMap<>();

    TfIdfBaseline(List<Actor> candidates) {
        profiles = candidates.stream().map(Profiles::terms).toList();
        Map<String, Integer> df = new HashMap<>();
        for (Set<String> p : profiles) for (String t : p) df.merge(t, 1, Integer::sum);
        double n = profiles.size();
        df.forEach((t, d) -> idf.put(t, Math.log(n / d)));
        norms = new double[profiles.size()];
        for (int a = 0; a < profiles.size(); a++) {
            double sq = 0;
            for (String t : profiles.get(a)) sq += idf.get(t) * idf.get(t);
            norms[a] = Math.sqrt(sq);
        }
    }

    @Override
    public double[] probabilities(SimulatedIncident incident) {
        Set<String> seen = new HashSet<>(incident.terms());
        double incidentNorm = 0;
        for (String t : seen) incidentNorm += Math.pow(idf.getOrDefault(t, 0.0), 2);
        incidentNorm = Math.sqrt(incidentNorm);
        double[] scores = new double[profiles.size() + 1];
        for (int a = 0; a < profiles.size(); a++) {
            if (norms[a] == 0 || incidentNorm == 0) continue;
            double dot = 0;
            Set<String> p = profiles.get(a);
            for (String t : seen) if (p.contains(t)) dot += idf.get(t) * idf.get(t);
            scores[a] = dot / (norms[a] * incidentNorm);
        }
        return Normalise.toProbabilities(scores);
    }
}
