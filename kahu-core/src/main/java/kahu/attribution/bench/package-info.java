/**
 * The attribution benchmark (issue 3): simulated incidents drawn from ATT&CK group profiles against
 * a knowledge base with a share of every actor's links held out, the metrics (top-k accuracy, mean
 * reciprocal rank, Brier score, expected calibration error, confident errors), two nearest-profile
 * baselines, the reliability diagram and the grid search that fits the model's parameters.
 *
 * <p>Owns: the simulation, the metrics and the diagram. Reads the knowledge base and calls the model's
 * public API; must not change the model, write to the store nor print (progress goes to a callback,
 * output formats belong to the CLI).
 */
package kahu.attribution.bench;
