package kahu.attribution.bench;

import kahu.knowledge.Actor;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.TechniqueUse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws simulated incidents from an actor's FULL profile (so some techniques are unknown to the
 * reduced knowledge base, as new tradecraft is), plus noise techniques from the overall usage
 * distribution: a technique used by many actors turns up as unrelated activity more often.
 */
final class IncidentSimulator {
    private final String[] noiseTechniques;
    private final double[] cumulative;

    IncidentSimulator(KnowledgeBase full) {
        // Sorted so that the same seed draws the same noise whatever the map's iteration order.
        Map<String, Integer> usage = new TreeMap<>(full.techniqueUsage());
        noiseTechniques = usage.keySet().toArray(String[]::new);
        cumulative = new double[noiseTechniques.length];
        double sum = 0;
        int i = 0;
        for (int n : usage.values()) cumulative[i++] = sum += n;
    }

    SimulatedIncident draw(Actor actor, int k, double noise, double softwareProbability, SplittableRandom rng) {
        List<String> profile = new ArrayList<>(new LinkedHashSet<>(actor.techniques().stream().map(TechniqueUse::id).toList()));
        Collections.shuffle(profile, rng);
        Set<String> techniques = new LinkedHashSet<>(profile.subList(0, Math.min(k, profile.size())));
        int noiseCount = (int) Math.round(noise * k);
        for (int added = 0, attempts = 0; added < noiseCount && attempts < 100 * noiseCount; attempts++) {
            if (techniques.add(noiseTechnique(rng))) added++;
        }
        List<String> software = new ArrayList<>(1);
        if (!actor.software().isEmpty() && rng.nextDouble() < softwareProbability) {
            software.add(Profiles.softwareKey(actor.software().get(rng.nextInt(actor.software().size()))));
        }
        return new SimulatedIncident(actor.key(), k, List.copyOf(techniques), software);
    }

    private String noiseTechnique(SplittableRandom rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        if (i < 0) i = -i - 1;
        return noiseTechniques[Math.min(i, noiseTechniques.length - 1)];
    }
}
