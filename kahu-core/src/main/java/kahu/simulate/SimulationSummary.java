package kahu.simulate;

import java.util.Map;

/**
 * What a run produced.
 *
 * @param compromisedByActor per actor key, the organisations it compromised (an organisation hit by two actors counts for both)
 */
public record SimulationSummary(String scenario, long seed, int organisations, int servers, int compromisedOrganisations,
                                Map<String, Integer> compromisedByActor, int operations, int failedOperations, long events, long bytes,
                                double seconds) {
    public SimulationSummary {
        compromisedByActor = Map.copyOf(compromisedByActor);
    }
}
