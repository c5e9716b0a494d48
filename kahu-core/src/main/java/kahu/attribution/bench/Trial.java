package kahu.attribution.bench;

import kahu.attribution.AttributionModel;
import kahu.attribution.ModelParameters;
import kahu.knowledge.KnowledgeBase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One seed's run: the reduced knowledge base, the model built on it, and the simulated incidents
 * (drawn from the full profiles, independent of the model, so every ranker sees the same ones).
 */
public record Trial(long seed, KnowledgeBase reduced, AttributionModel model, List<SimulatedIncident> incidents) {
    public Trial {
        incidents = List.copyOf(incidents);
    }

    /** The same knowledge base and incidents, with a model built with other parameters (the fit). */
    public Trial withParameters(ModelParameters p) {
        return new Trial(seed, reduced, AttributionModel.build(reduced, p), incidents);
    }

    /** Index of each candidate actor by key, as in the model's {@code actorKeys()}. */
    Map<String, Integer> candidateIndex() {
        Map<String, Integer> index = new HashMap<>();
        List<String> keys = model.actorKeys();
        for (int i = 0; i < keys.size(); i++) index.put(keys.get(i), i);
        return index;
    }
}
