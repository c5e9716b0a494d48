package kahu.attribution.bench;

import java.util.ArrayList;
import java.util.List;

/** Collects the cases of one ranker at one k in one seed, then gives the metrics and reliability bins. */
final class MetricsAccumulator {
    static final int BINS = 10;
    static final double CONFIDENT = 0.80;
    /** Probabilities are clipped here for the log loss, so that one hard zero does not make it infinite. */
    private static final double FLOOR = 1e-12;

    private final int k;
    private int cases, top1, top3, top5, confidentErrors;
    private double reciprocalRanks, brier, logLoss;
    private final int[] binCases = new int[BINS], binCorrect = new int[BINS];
    private final double[] binConfidence = new double[BINS];

    MetricsAccumulator(int k) {
        this.k = k;
    }

    /**
     * @param p          probabilities over the named actors, the unknown actor last
     * @param trueIndex  index of the true actor among the named ones, or −1 if it is not a candidate
     */
    void add(double[] p, int trueIndex) {
        int named = p.length - 1;
        // A true actor that is no candidate can never be found: no top-k hit, reciprocal rank 0.
        int rank = trueIndex < 0 ? Integer.MAX_VALUE : rankOf(p, trueIndex);
        int best = 0;
        for (int i = 1; i < named; i++) if (p[i] > p[best]) best = i;
        double confidence = p[best];
        boolean correct = rank == 1; // ties count against the ranker, as in Posterior.rankOf

        cases++;
        if (rank <= 1) top1++;
        if (rank <= 3) top3++;
        if (rank <= 5) top5++;
        reciprocalRanks += trueIndex < 0 ? 0 : 1.0 / rank;
        double b = 0;
        for (int i = 0; i < p.length; i++) {
            double y = i == trueIndex ? 1 : 0;
            b += (p[i] - y) * (p[i] - y);
        }
        if (trueIndex < 0) b += 1; // the true actor's (absent) slot had p = 0
        brier += b;
        logLoss += -Math.log(Math.max(FLOOR, trueIndex < 0 ? 0 : p[trueIndex]));
        if (!correct && confidence >= CONFIDENT) confidentErrors++;
        int bin = Math.min(BINS - 1, (int) (confidence * BINS));
        binCases[bin]++;
        binConfidence[bin] += confidence;
        if (correct) binCorrect[bin]++;
    }

    /** 1-based rank among the named actors, ties counted pessimistically. */
    static int rankOf(double[] p, int index) {
        int rank = 1;
        for (int i = 0; i < p.length - 1; i++) if (i != index && p[i] >= p[index]) rank++;
        return rank;
    }

    Metrics metrics() {
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (binCases[b] == 0) continue;
            ece += (double) binCases[b] / cases * Math.abs(binCorrect[b] / (double) binCases[b] - binConfidence[b] / binCases[b]);
        }
        double n = Math.max(1, cases);
        return new Metrics(k, top1 / n, top3 / n, top5 / n, reciprocalRanks / n, brier / n, ece, confidentErrors / n, logLoss / n, cases);
    }

    /** Adds this accumulator's bins to {@code pooled} (counts, summed confidences, correct counts). */
    void poolInto(int[] cases, double[] confidence, int[] correct) {
        for (int b = 0; b < BINS; b++) {
            cases[b] += binCases[b];
            confidence[b] += binConfidence[b];
            correct[b] += binCorrect[b];
        }
    }

    static List<ReliabilityBin> bins(int[] cases, double[] confidence, int[] correct) {
        List<ReliabilityBin> out = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            out.add(new ReliabilityBin(b / (double) BINS, (b + 1) / (double) BINS, cases[b],
                    cases[b] == 0 ? Double.NaN : confidence[b] / cases[b], cases[b] == 0 ? Double.NaN : correct[b] / (double) cases[b]));
        }
        return out;
    }
}
