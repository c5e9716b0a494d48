/**
 * Indicators of compromise: the STIX 2.1 patterning language (our own grammar, {@link kahu.detect.ioc.StixPattern},
 * evaluated by {@link kahu.detect.ioc.PatternEvaluator} over observed data and {@link kahu.ingest.Event}s),
 * compact indicator sets for the common equality indicators ({@link kahu.detect.ioc.IndicatorSet}) with a
 * text scanner, and the loaders that build them from CSV feeds, STIX bundles, MISP events and the knowledge base
 * ({@link kahu.detect.ioc.IndicatorFeeds}).
 *
 * <p>Owns: indicator patterns and indicator sets. Must not read logs (opening and parsing log formats is
 * {@code ingest}; {@link kahu.detect.ioc.LogScan} only scans bytes it is handed) nor store anything (that is
 * {@code store}). A bad feed record is reported with file and line or record number and skipped; the rest loads.
 */
package kahu.detect.ioc;
