package kahu.attribution;

/**
 * The attribution model's parameters (docs/attribution.md explains each). The defaults were fitted
 * by {@code kahu bench attribution --fit} on calibration seeds kept apart from the evaluation seeds.
 *
 * @param unknownPrior        prior probability of the "unknown or unlisted actor" hypothesis
 * @param techniqueNoise      share of an incident's techniques not explained by the actor's known
 *                            profile (incomplete knowledge, new tradecraft, noise): the mixture weight
 *                            of the background distribution
 * @param softwareNoise       the same for software
 * @param vulnerabilityNoise  the same for exploited CVEs
 * @param victimNoise         the same for victim sectors and countries
 * @param victimWeight        exponent that tempers victimology (weak, correlated evidence)
 * @param dependentWeight     exponent for a technique already explained by observed software
 * @param temperature         divides the summed log-likelihood ratios (1 = trust the model as is)
 */
public record ModelParameters(double unknownPrior, double techniqueNoise, double softwareNoise, double vulnerabilityNoise,
                              double victimNoise, double victimWeight, double dependentWeight, double temperature) {
    public ModelParameters {
        for (double p : new double[] {unknownPrior, techniqueNoise, softwareNoise, vulnerabilityNoise, victimNoise}) {
            if (!(p > 0 && p < 1)) throw new IllegalArgumentException("priors and noise shares are in (0, 1)");
        }
        if (!(victimWeight >= 0 && victimWeight <= 1 && dependentWeight >= 0 && dependentWeight <= 1)) {
            throw new IllegalArgumentException("weights are in [0, 1]");
        }
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive");
    }

    /**
     * Technique noise 0.3 and temperature 0.8 are the best log loss, averaged over k = 3, 5, 10, 20, of
     * {@code kahu bench attribution --fit} on calibration seeds 1001–1005 (docs/benchmarks.md). The
     * unknown-actor prior is not fitted: the benchmark has no unknown-actor incidents, so its fit
     * always drives that prior to the smallest value tried; 5 % is a deliberate floor.
     */
    public static ModelParameters defaults() {
        return new ModelParameters(0.05, 0.3, 0.3, 0.5, 0.5, 0.5, 0.5, 0.8);
    }

    public ModelParameters withTechniqueNoise(double v) {
        return new ModelParameters(unknownPrior, v, softwareNoise, vulnerabilityNoise, victimNoise, victimWeight, dependentWeight, temperature);
    }

    public ModelParameters withTemperature(double v) {
        return new ModelParameters(unknownPrior, techniqueNoise, softwareNoise, vulnerabilityNoise, victimNoise, victimWeight, dependentWeight, v);
    }

    public ModelParameters withUnknownPrior(double v) {
        return new ModelParameters(v, techniqueNoise, softwareNoise, vulnerabilityNoise, victimNoise, victimWeight, dependentWeight, temperature);
    }
}
