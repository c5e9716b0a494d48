package kahu.knowledge;

import java.util.List;

/**
 * A threat actor as Kahu knows it: the records of every source that name it, merged. Each fact
 * keeps the references of every source that gives it.
 *
 * @param key            stable handle: the ATT&CK ID when there is one, else the first record's ID
 * @param recordIds      the source records merged into this actor
 * @param possiblySameAs other actors that share an alias with this one or that a source calls similar;
 *                       kept apart until an analyst merges them
 */
public record Actor(
        String key,
        String name,
        String attackId,
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
        List<String> recordIds,
        List<ActorLink> possiblySameAs) {

    public Actor {
        aliases = List.copyOf(aliases);
        sectors = List.copyOf(sectors);
        countries = List.copyOf(countries);
        techniques = List.copyOf(techniques);
        software = List.copyOf(software);
        exploits = List.copyOf(exploits);
        infrastructure = List.copyOf(infrastructure);
        references = List.copyOf(references);
        recordIds = List.copyOf(recordIds);
        possiblySameAs = List.copyOf(possiblySameAs);
    }

    /** A link to another actor that may be the same group, and why Kahu thinks so. */
    public record ActorLink(String actorKey, String actorName, String reason) {}

    /** "Leviathan (G0065)" or just the name. */
    public String label() {
        return attackId == null ? name : name + " (" + attackId + ")";
    }

    public boolean usesTechnique(String id) {
        for (TechniqueUse t : techniques) if (t.id().equals(id)) return true;
        return false;
    }

    Actor withLinks(List<ActorLink> links) {
        return new Actor(key, name, attackId, kind, summary, aliases, sponsor, motivation, firstSeen, lastSeen,
                timezone, sectors, countries, techniques, software, exploits, infrastructure, references,
                recordIds, links);
    }
}
