/**
 * Scores an investigation against a simulator's ground truth ({@code kahu bench investigate}): detection
 * recall and precision per organisation, attribution top-1 per incident and per campaign, and campaign
 * clustering by the adjusted Rand index.
 *
 * <p>Owns: reading {@code ground-truth.json} and the metrics. It is the only package that reads ground
 * truth; nothing in the pipeline (ingest, detect, correlate, attribution, investigate) may depend on it.
 */
package kahu.evaluate;
