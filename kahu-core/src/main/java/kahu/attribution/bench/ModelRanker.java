package kahu.attribution.bench;

import kahu.attribution.AttributionModel;
import kahu.knowledge.AttackEntry;

import java.util.Map;

/** The attribution model's posterior, through its public API. */
final class ModelRanker implements Ranker {
    private final AttributionModel model;
    private final Map<String, AttackEntry> attackEntries;

    ModelRanker(AttributionModel model, Map<String, AttackEntry> attackEntries) {
        this.model = model;
        this.attackEntries = attackEntries;
    }

    @Override
    public double[] probabilities(SimulatedIncident incident) {
        return model.posterior(incident.toEvidence(attackEntries)).probabilities();
    }
}
