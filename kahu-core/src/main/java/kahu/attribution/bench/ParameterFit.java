package kahu.attribution.bench;

import kahu.attribution.ModelParameters;
import kahu.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Grid search of the model's technique noise, temperature and unknown-actor prior, minimising the
 * log loss of the true actor averaged over every k of the run (3, 5, 10 and 20 by default) on the
 * calibration seeds (1001–1005), which the reported figures never use. Fitting at one k only would
 * sharpen the posterior for long incidents at the cost of confident errors on short ones. The reduced knowledge bases and incidents are drawn once per seed and shared by
 * every grid point, so points differ only by their parameters.
 */
public final class ParameterFit {
    public static final List<Double> TECHNIQUE_NOISE = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
    public static final List<Double> TEMPERATURE = List.of(0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.7, 2.0);
    public static final List<Double> UNKNOWN_PRIOR = List.of(0.01, 0.05, 0.1);
    public static final int FIT_K = 10;

    /** One grid point: its figures at k = 10 and its log loss averaged over every k, both over the calibration seeds. */
    public record Point(ModelParameters parameters, Metrics metrics, double meanLogLoss) {}

    /** Every grid point, best (lowest log loss) first. */
    public record Result(List<Point> points, List<Long> seeds) {
        public Point best() {
            return points.getFirst();
        }
    }

    private ParameterFit() {}

    public static Result fit(KnowledgeBase full, AttributionBenchmark config, BenchProgress progress) {
        List<Integer> ks = new ArrayList<>(config.ks());
        if (!ks.contains(FIT_K)) ks.add(FIT_K);
        AttributionBenchmark calibration = config.withKs(ks).withSeeds(AttributionBenchmark.CALIBRATION_SEEDS);
        List<Trial> trials = new ArrayList<>();
        for (long seed : calibration.seeds()) trials.add(calibration.trial(full, seed));
        List<Point> points = new ArrayList<>();
        int total = TECHNIQUE_NOISE.size() * TEMPERATURE.size() * UNKNOWN_PRIOR.size();
        for (double noise : TECHNIQUE_NOISE) {
            for (double temperature : TEMPERATURE) {
                for (double prior : UNKNOWN_PRIOR) {
                    ModelParameters p = config.parameters().withTechniqueNoise(noise).withTemperature(temperature).withUnknownPrior(prior);
                    List<Metrics> atFitK = new ArrayList<>();
                    double logLoss = 0;
                    int n = 0;
                    for (Trial t : trials) {
                        Trial withP = t.withParameters(p);
                        var byK = AttributionBenchmark.evaluate(withP, new ModelRanker(withP.model(), withP.reduced().attackEntries()));
                        atFitK.add(byK.get(FIT_K).metrics());
                        for (int k : ks) {
                            logLoss += byK.get(k).metrics().logLoss();
                            n++;
                        }
                    }
                    points.add(new Point(p, Metrics.mean(atFitK), logLoss / n));
                }
            }
            progress.step(String.format("fit: %d of %d grid points", points.size(), total));
        }
        points.sort(Comparator.comparingDouble(Point::meanLogLoss));
        return new Result(points, calibration.seeds());
    }
}
