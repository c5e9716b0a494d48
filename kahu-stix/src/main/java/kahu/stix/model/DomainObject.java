package kahu.stix.model;

/** STIX Domain Objects (SDOs): the threat-intelligence concepts. */
public sealed interface DomainObject extends StixObject
        permits AttackPattern, Campaign, CourseOfAction, Grouping, Identity, Incident, Indicator, Infrastructure,
        IntrusionSet, Location, Malware, Note, ObservedData, Opinion, Report, ThreatActor, Tool, Vulnerability {}
