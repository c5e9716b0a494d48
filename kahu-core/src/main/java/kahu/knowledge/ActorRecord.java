package kahu.knowledge;

import java.util.List;

/**
 * One source's view of one threat actor: a curated Kahu file, an ATT&CK intrusion set or a MISP
 * galaxy cluster. Records are never merged in place; {@link ActorResolver} groups them into
 * {@link Actor}s so that provenance stays with every fact.
 *
 * @param recordId   unique, e.g. {@code kahu:apt40}, {@code mitre-attack:G0065}, {@code misp-galaxy:<uuid>}
 * @param origin     {@code kahu}, {@code mitre-attack} or {@code misp-galaxy}
 * @param attackId   the ATT&CK group ID this record names, or null
 * @param revokedBy  for a revoked ATT&CK group, the ID of the group that replaced it
 * @param similarTo  names of other records this source says are similar (weak links)
 */
public record ActorRecord(
        String recordId,
        String origin,
        String name,
        String attackId,
        String revokedBy,
        boolean deprecated,
        ActorKind kind,
        String summary,
        List<Alias> aliases,
        Sponsor sponsor,
        Fact motivation,
        Fact firstSeen,
        Fact lastSeen,
        Fact timezone,
        List<Fact> sectors,
        List<Fact> countries,
        List<TechniqueUse> techniques,
        List<SoftwareUse> software,
        List<Fact> exploits,
        List<KnownIndicator> infrastructure,
        List<Reference> references,
        List<String> similarTo) {

    public ActorRecord {
        aliases = List.copyOf(aliases);
        sectors = List.copyOf(sectors);
        countries = List.copyOf(countries);
        techniques = List.copyOf(techniques);
        software = List.copyOf(software);
        exploits = List.copyOf(exploits);
        infrastructure = List.copyOf(infrastructure);
        references = List.copyOf(references);
        similarTo = List.copyOf(similarTo);
    }

    /** The primary name and every alias. */
    public List<String> allNames() {
        var names = new java.util.ArrayList<String>(aliases.size() + 1);
        names.add(name);
        for (Alias a : aliases) names.add(a.name());
        return names;
    }
}
