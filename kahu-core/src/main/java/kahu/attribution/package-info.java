/**
 * Attribution: competing hypotheses over every profiled actor in the knowledge base plus an
 * explicit "unknown or unlisted actor", scored with a documented likelihood model (docs/attribution.md),
 * worded on the PHIA and ICD 203 scales, with analytic confidence kept apart from likelihood,
 * an ACH matrix and a false-flag check.
 *
 * <p>Owns: evidence extraction from STIX, the model, the assessment and its JSON view, the
 * attribution benchmark. Reads the knowledge base; must not write to the store nor print.
 */
package kahu.attribution;
