package kahu.stix.model;

/** STIX Meta Objects: markings, extension definitions, translations. */
public sealed interface MetaObject extends StixObject permits MarkingDefinition, ExtensionDefinition, LanguageContent {}
