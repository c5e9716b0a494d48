package kahu.stix.codec;

import kahu.stix.model.*;

/** Reads and writes the type-specific properties of SDOs, SROs and meta objects. */
final class DomainObjectCodec {
    private DomainObjectCodec() {}

    /** The record for {@code type}, or null when the type is not an SDO, SRO or meta object. */
    static StixObject read(String type, CommonProperties c, PropertyReader r) {
        return switch (type) {
            case AttackPattern.TYPE -> new AttackPattern(c, r.str("name"), r.str("description"), r.strings("aliases"), r.killChainPhases("kill_chain_phases"), r.rest());
            case Campaign.TYPE -> new Campaign(c, r.str("name"), r.str("description"), r.strings("aliases"), r.timestamp("first_seen"), r.timestamp("last_seen"), r.str("objective"), r.rest());
            case CourseOfAction.TYPE -> new CourseOfAction(c, r.str("name"), r.str("description"), r.rest());
            case Grouping.TYPE -> new Grouping(c, r.str("name"), r.str("description"), r.str("context"), r.strings("object_refs"), r.rest());
            case Identity.TYPE -> new Identity(c, r.str("name"), r.str("description"), r.strings("roles"), r.str("identity_class"), r.strings("sectors"), r.str("contact_information"), r.rest());
            case Incident.TYPE -> new Incident(c, r.str("name"), r.str("description"), r.killChainPhases("kill_chain_phases"), r.rest());
            case Indicator.TYPE -> new Indicator(c, r.str("name"), r.str("description"), r.strings("indicator_types"), r.str("pattern"), r.str("pattern_type"), r.str("pattern_version"), r.timestamp("valid_from"), r.timestamp("valid_until"), r.killChainPhases("kill_chain_phases"), r.rest());
            case Infrastructure.TYPE -> new Infrastructure(c, r.str("name"), r.str("description"), r.strings("infrastructure_types"), r.strings("aliases"), r.killChainPhases("kill_chain_phases"), r.timestamp("first_seen"), r.timestamp("last_seen"), r.rest());
            case IntrusionSet.TYPE -> new IntrusionSet(c, r.str("name"), r.str("description"), r.strings("aliases"), r.timestamp("first_seen"), r.timestamp("last_seen"), r.strings("goals"), r.str("resource_level"), r.str("primary_motivation"), r.strings("secondary_motivations"), r.rest());
            case Location.TYPE -> new Location(c, r.str("name"), r.str("description"), r.doubleValue("latitude"), r.doubleValue("longitude"), r.doubleValue("precision"), r.str("region"), r.str("country"), r.str("administrative_area"), r.str("city"), r.str("street_address"), r.str("postal_code"), r.rest());
            case Malware.TYPE -> new Malware(c, r.str("name"), r.str("description"), r.strings("malware_types"), r.bool("is_family"), r.strings("aliases"), r.killChainPhases("kill_chain_phases"), r.timestamp("first_seen"), r.timestamp("last_seen"), r.strings("operating_system_refs"), r.strings("architecture_execution_envs"), r.strings("implementation_languages"), r.strings("capabilities"), r.strings("sample_refs"), r.rest());
            case Note.TYPE -> new Note(c, r.str("abstract"), r.str("content"), r.strings("authors"), r.strings("object_refs"), r.rest());
            case ObservedData.TYPE -> new ObservedData(c, r.timestamp("first_observed"), r.timestamp("last_observed"), r.longValue("number_observed"), r.strings("object_refs"), r.node("objects"), r.rest());
            case Opinion.TYPE -> new Opinion(c, r.str("explanation"), r.strings("authors"), r.str("opinion"), r.strings("object_refs"), r.rest());
            case Report.TYPE -> new Report(c, r.str("name"), r.str("description"), r.strings("report_types"), r.timestamp("published"), r.strings("object_refs"), r.rest());
            case ThreatActor.TYPE -> new ThreatActor(c, r.str("name"), r.str("description"), r.strings("threat_actor_types"), r.strings("aliases"), r.timestamp("first_seen"), r.timestamp("last_seen"), r.strings("roles"), r.strings("goals"), r.str("sophistication"), r.str("resource_level"), r.str("primary_motivation"), r.strings("secondary_motivations"), r.strings("personal_motivations"), r.rest());
            case Tool.TYPE -> new Tool(c, r.str("name"), r.str("description"), r.strings("tool_types"), r.strings("aliases"), r.killChainPhases("kill_chain_phases"), r.str("tool_version"), r.rest());
            case Vulnerability.TYPE -> new Vulnerability(c, r.str("name"), r.str("description"), r.rest());
            case Relationship.TYPE -> new Relationship(c, r.str("relationship_type"), r.str("description"), r.str("source_ref"), r.str("target_ref"), r.timestamp("start_time"), r.timestamp("stop_time"), r.rest());
            case Sighting.TYPE -> new Sighting(c, r.str("description"), r.timestamp("first_seen"), r.timestamp("last_seen"), r.longValue("count"), r.str("sighting_of_ref"), r.strings("observed_data_refs"), r.strings("where_sighted_refs"), r.bool("summary"), r.rest());
            case MarkingDefinition.TYPE -> new MarkingDefinition(c, r.str("name"), r.str("definition_type"), r.node("definition"), r.rest());
            case ExtensionDefinition.TYPE -> new ExtensionDefinition(c, r.str("name"), r.str("description"), r.str("schema"), r.str("version"), r.strings("extension_types"), r.strings("extension_properties"), r.rest());
            case LanguageContent.TYPE -> new LanguageContent(c, r.str("object_ref"), r.timestamp("object_modified"), r.node("contents"), r.rest());
            default -> null;
        };
    }

    static void write(StixObject obj, PropertyWriter w) {
        switch (obj) {
            case AttackPattern o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("aliases", o.aliases());
                w.killChainPhases("kill_chain_phases", o.killChainPhases());
            }
            case Campaign o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("aliases", o.aliases());
                w.timestamp("first_seen", o.firstSeen());
                w.timestamp("last_seen", o.lastSeen());
                w.str("objective", o.objective());
            }
            case CourseOfAction o -> {
                w.str("name", o.name());
                w.str("description", o.description());
            }
            case Grouping o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.str("context", o.context());
                w.strings("object_refs", o.objectRefs());
            }
            case Identity o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("roles", o.roles());
                w.str("identity_class", o.identityClass());
                w.strings("sectors", o.sectors());
                w.str("contact_information", o.contactInformation());
            }
            case Incident o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.killChainPhases("kill_chain_phases", o.killChainPhases());
            }
            case Indicator o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("indicator_types", o.indicatorTypes());
                w.str("pattern", o.pattern());
                w.str("pattern_type", o.patternType());
                w.str("pattern_version", o.patternVersion());
                w.timestamp("valid_from", o.validFrom());
                w.timestamp("valid_until", o.validUntil());
                w.killChainPhases("kill_chain_phases", o.killChainPhases());
            }
            case Infrastructure o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("infrastructure_types", o.infrastructureTypes());
                w.strings("aliases", o.aliases());
                w.killChainPhases("kill_chain_phases", o.killChainPhases());
                w.timestamp("first_seen", o.firstSeen());
                w.timestamp("last_seen", o.lastSeen());
            }
            case IntrusionSet o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("aliases", o.aliases());
                w.timestamp("first_seen", o.firstSeen());
                w.timestamp("last_seen", o.lastSeen());
                w.strings("goals", o.goals());
                w.str("resource_level", o.resourceLevel());
                w.str("primary_motivation", o.primaryMotivation());
                w.strings("secondary_motivations", o.secondaryMotivations());
            }
            case Location o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.number("latitude", o.latitude());
                w.number("longitude", o.longitude());
                w.number("precision", o.precision());
                w.str("region", o.region());
                w.str("country", o.country());
                w.str("administrative_area", o.administrativeArea());
                w.str("city", o.city());
                w.str("street_address", o.streetAddress());
                w.str("postal_code", o.postalCode());
            }
            case Malware o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("malware_types", o.malwareTypes());
                w.bool("is_family", o.isFamily());
                w.strings("aliases", o.aliases());
                w.killChainPhases("kill_chain_phases", o.killChainPhases());
                w.timestamp("first_seen", o.firstSeen());
                w.timestamp("last_seen", o.lastSeen());
                w.strings("operating_system_refs", o.operatingSystemRefs());
                w.strings("architecture_execution_envs", o.architectureExecutionEnvs());
                w.strings("implementation_languages", o.implementationLanguages());
                w.strings("capabilities", o.capabilities());
                w.strings("sample_refs", o.sampleRefs());
            }
            case Note o -> {
                w.str("abstract", o.abstractText());
                w.str("content", o.content());
                w.strings("authors", o.authors());
                w.strings("object_refs", o.objectRefs());
            }
            case ObservedData o -> {
                w.timestamp("first_observed", o.firstObserved());
                w.timestamp("last_observed", o.lastObserved());
                w.number("number_observed", o.numberObserved());
                w.strings("object_refs", o.objectRefs());
                w.node("objects", o.objects());
            }
            case Opinion o -> {
                w.str("explanation", o.explanation());
                w.strings("authors", o.authors());
                w.str("opinion", o.opinion());
                w.strings("object_refs", o.objectRefs());
            }
            case Report o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("report_types", o.reportTypes());
                w.timestamp("published", o.published());
                w.strings("object_refs", o.objectRefs());
            }
            case ThreatActor o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("threat_actor_types", o.threatActorTypes());
                w.strings("aliases", o.aliases());
                w.timestamp("first_seen", o.firstSeen());
                w.timestamp("last_seen", o.lastSeen());
                w.strings("roles", o.roles());
                w.strings("goals", o.goals());
                w.str("sophistication", o.sophistication());
                w.str("resource_level", o.resourceLevel());
                w.str("primary_motivation", o.primaryMotivation());
                w.strings("secondary_motivations", o.secondaryMotivations());
                w.strings("personal_motivations", o.personalMotivations());
            }
            case Tool o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.strings("tool_types", o.toolTypes());
                w.strings("aliases", o.aliases());
                w.killChainPhases("kill_chain_phases", o.killChainPhases());
                w.str("tool_version", o.toolVersion());
            }
            case Vulnerability o -> {
                w.str("name", o.name());
                w.str("description", o.description());
            }
            case Relationship o -> {
                w.str("relationship_type", o.relationshipType());
                w.str("description", o.description());
                w.str("source_ref", o.sourceRef());
                w.str("target_ref", o.targetRef());
                w.timestamp("start_time", o.startTime());
                w.timestamp("stop_time", o.stopTime());
            }
            case Sighting o -> {
                w.str("description", o.description());
                w.timestamp("first_seen", o.firstSeen());
                w.timestamp("last_seen", o.lastSeen());
                w.number("count", o.count());
                w.str("sighting_of_ref", o.sightingOfRef());
                w.strings("observed_data_refs", o.observedDataRefs());
                w.strings("where_sighted_refs", o.whereSightedRefs());
                w.bool("summary", o.summary());
            }
            case MarkingDefinition o -> {
                w.str("name", o.name());
                w.str("definition_type", o.definitionType());
                w.node("definition", o.definition());
            }
            case ExtensionDefinition o -> {
                w.str("name", o.name());
                w.str("description", o.description());
                w.str("schema", o.schema());
                w.str("version", o.version());
                w.strings("extension_types", o.extensionTypes());
                w.strings("extension_properties", o.extensionProperties());
            }
            case LanguageContent o -> {
                w.str("object_ref", o.objectRef());
                w.timestamp("object_modified", o.objectModified());
                w.node("contents", o.contents());
            }
            default -> throw new IllegalArgumentException("not a domain, relationship or meta object: " + obj.type());
        }
    }
}
