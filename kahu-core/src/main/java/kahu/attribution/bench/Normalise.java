package kahu.attribution.bench;

/** Similarity scores to "probabilities" that sum to 1 (uniform over the named actors when all are 0). */
final class Normalise {
    private Normalise() {}

    /** {@code scores} has one slot per named actor plus a last one (the unknown actor) that stays 0. */
    static double[] toProbabilities(double[] scores) {
        double sum = 0;
        for (double s : scores) sum += s;
        int named = scores.length - 1;
        double[] p = new double[scores.length];
        for (int i = 0; i < named; i++) p[i] = sum > 0 ? scores[i] / sum : 1.0 / named;
        return p;
    }
}
