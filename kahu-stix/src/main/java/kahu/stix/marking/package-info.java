/**
 * Data markings: the TLP 2.0 levels with their published OASIS marking-definitions
 * ({@link kahu.stix.marking.Tlp}) and statement markings.
 * <p>
 * Owns: what a marking is. Must not touch: the decision whether something may be shared (that
 * gate lives in Kahu's sharing code), storage, the CLI, knowledge-base logic.
 */
package kahu.stix.marking;
