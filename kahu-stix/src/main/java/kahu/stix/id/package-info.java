/**
 * STIX identifiers: random ids for new objects ({@link kahu.stix.id.StixIds}), deterministic UUIDv5
 * ids for cyber observables ({@link kahu.stix.id.ObservableIds}) and the RFC 8785 canonical JSON
 * they are computed over.
 * <p>
 * Owns: how ids are made and checked. Must not touch: the records' other properties, storage,
 * the CLI, knowledge-base logic.
 */
package kahu.stix.id;
