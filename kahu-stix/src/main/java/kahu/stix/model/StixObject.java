package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Any STIX 2.1 object Kahu models. Every object has the common properties and keeps what
 * its record does not model (custom {@code x_…} properties, unmodelled standard ones) in
 * {@link #other()}, so reading and writing an object never loses anything.
 */
public sealed interface StixObject permits DomainObject, RelationshipObject, CyberObservable, MetaObject, CustomObject {
    CommonProperties common();

    /** Properties the record does not model, in input order; never null. */
    Map<String, JsonNode> other();

    default String id() {
        return common().id();
    }

    default String type() {
        return common().type();
    }
}
