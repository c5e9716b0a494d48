package kahu.attribution;

/**
 * The model's answer without explanation (the benchmark's fast path): {@code probabilities[i]} for
 * the model's i-th actor ({@link AttributionModel#actorKeys()}), the last entry for the unknown actor.
 * They sum to 1.
 */
public record Posterior(double[] probabilities) {
    public double unknown() {
        return probabilities[probabilities.length - 1];
    }

    /** Index of the most probable named actor. */
    public int best() {
        int best = 0;
        for (int i = 1; i < probabilities.length - 1; i++) if (probabilities[i] > probabilities[best]) best = i;
        return best;
    }

    /** 1-based rank of actor {@code index} among the named actors (ties counted pessimistically). */
    public int rankOf(int index) {
        int rank = 1;
        for (int i = 0; i < probabilities.length - 1; i++) {
            if (i != index && probabilities[i] >= probabilities[index]) rank++;
        }
        return rank;
    }
}
