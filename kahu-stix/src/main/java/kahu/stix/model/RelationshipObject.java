package kahu.stix.model;

/** STIX Relationship Objects (SROs): links between objects. */
public sealed interface RelationshipObject extends StixObject permits Relationship, Sighting {}
