/**
 * The Sigma engine: parsing Sigma rules (specification v2) from YAML, compiling their detections
 * into immutable matcher trees, indexing them by log source and event ID, and matching
 * {@link kahu.ingest.Event}s, plus correlation rules over the stream of matches.
 *
 * <p>Owns: rule parsing, compilation, matching, log-source mapping data
 * ({@code kahu/detect/sigma/logsources.yaml}). Must not read logs (events come from
 * {@code kahu.ingest} or a caller-supplied source) nor store anything.
 */
package kahu.detect.sigma;
