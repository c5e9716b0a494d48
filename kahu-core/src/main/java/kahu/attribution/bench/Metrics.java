package kahu.attribution.bench;

import java.util.List;

/**
 * How one ranker did at one k (averaged over seeds when combined).
 *
 * @param brier              Σ over every hypothesis, the unknown actor included, of (p − y)²; 0 is perfect, 2 the worst
 * @param ece                expected calibration error of the top-ranked actor's probability, 10 equal bins weighted by size
 * @param confidentErrorRate share of cases whose top-ranked actor is wrong and has probability ≥ 0.80
 *                           ("highly likely" on the PHIA yardstick, "very likely" in ICD 203, or above)
 * @param logLoss            mean −ln p(true actor): what the parameter fit minimises
 * @param cases              how many incidents (summed over seeds)
 */
public record Metrics(int k, double top1, double top3, double top5, double mrr, double brier, double ece,
                      double confidentErrorRate, double logLoss, int cases) {

    /** The mean of each figure over seeds; cases are summed. */
    static Metrics mean(List<Metrics> perSeed) {
        int n = perSeed.size(), cases = 0;
        double t1 = 0, t3 = 0, t5 = 0, mrr = 0, brier = 0, ece = 0, conf = 0, ll = 0;
        for (Metrics m : perSeed) {
            t1 += m.top1;
            t3 += m.top3;
            t5 += m.top5;
            mrr += m.mrr;
            brier += m.brier;
            ece += m.ece;
            conf += m.confidentErrorRate;
            ll += m.logLoss;
            cases += m.cases;
        }
        return new Metrics(perSeed.getFirst().k, t1 / n, t3 / n, t5 / n, mrr / n, brier / n, ece / n, conf / n, ll / n, cases);
    }
}
