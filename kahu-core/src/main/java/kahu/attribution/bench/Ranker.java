package kahu.attribution.bench;

/**
 * Something that ranks the candidate actors for an incident: the model or a baseline. Its
 * probabilities are indexed like the model's {@code actorKeys()}, with the unknown actor last.
 */
public interface Ranker {
    double[] probabilities(SimulatedIncident incident);

    /** Builds a ranker for one trial (one seed's reduced knowledge base and the model built on it). */
    @FunctionalInterface
    interface Factory {
        Ranker create(Trial trial);
    }

    /** A named factory: "kahu", "jaccard", "tfidf". */
    record Named(String name, Factory factory) {}
}
