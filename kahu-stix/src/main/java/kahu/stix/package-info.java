/**
 * STIX 2.1 input for Kahu: {@link kahu.stix.StixReader} streams bundles, single objects and arrays
 * (plain or gzip), upgrades STIX 2.0, checks every object with {@link kahu.stix.StixValidator} and
 * reports problems by file, line and object id; {@link kahu.stix.Observables} makes observables with
 * deterministic ids.
 * <p>
 * Owns: reading, upgrading and validating STIX JSON. Must not touch: any database or store, the
 * CLI, the knowledge base or attribution logic, the network. It knows STIX, not what Kahu does with it.
 */
package kahu.stix;
