/**
 * The STIX 2.1 data model as immutable records under one sealed hierarchy
 * ({@link kahu.stix.model.StixObject}: domain, relationship, observable, meta and custom objects),
 * shared pieces ({@link kahu.stix.model.CommonProperties}, {@link kahu.stix.model.StixTimestamp},
 * external references, kill-chain phases) and validating builders for the objects Kahu writes.
 * Records keep unmodelled and custom properties in {@code other()}, so nothing read is lost.
 * <p>
 * Owns: the shape of STIX objects. Must not touch: JSON parsing beyond Jackson's tree types, files,
 * databases, the CLI, knowledge-base or attribution logic.
 */
package kahu.stix.model;
