package kahu.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The resolved actors, indexed for lookup by name, alias, ATT&CK ID or key. Immutable; built once
 * by {@link KnowledgeLoader} and then read by the CLI and the attribution engine. Lookups are hash
 * look-ups on normalised names and allocate only the result list.
 */
public final class KnowledgeBase {
    private final List<Actor> actors;
    private final Map<String, List<Actor>> byName = new HashMap<>();
    private final Map<String, Actor> byKey = new HashMap<>();
    private final Map<String, AttackEntry> attackEntries;

    KnowledgeBase(List<Actor> actors, List<ActorRecord> records, Map<String, AttackEntry> attackEntries) {
        this.actors = List.copyOf(actors);
        this.attackEntries = Map.copyOf(attackEntries);
        Map<String, Actor> byRecord = new HashMap<>(); // keyed by record ID: no Actor hashing
        for (Actor a : this.actors) {
            byKey.put(a.key().toLowerCase(Locale.ROOT), a);
            for (String id : a.recordIds()) byRecord.put(id, a);
            index(a.name(), a);
            for (Alias al : a.aliases()) index(al.name(), a);
            if (a.attackId() != null) index(a.attackId(), a);
        }
        for (ActorRecord r : records) {
            Actor a = byRecord.get(r.recordId());
            byKey.putIfAbsent(r.recordId().toLowerCase(Locale.ROOT), a);
            if (r.attackId() != null) index(r.attackId(), a); // revoked IDs (G0118) lead to their successor
        }
    }

    /**
     * A knowledge base of given actors, e.g. a copy with some facts held out (the attribution
     * benchmark). Without source records, only actor keys, names, aliases and ATT&CK IDs are indexed.
     */
    public static KnowledgeBase of(List<Actor> actors, Map<String, AttackEntry> attackEntries) {
        return new KnowledgeBase(actors, List.of(), attackEntries);
    }

    private void index(String name, Actor a) {
        List<Actor> list = byName.computeIfAbsent(Names.key(name), k -> new ArrayList<>(1));
        if (!containsSame(list, a)) list.add(a);
    }

    /**
     * Every actor whose name, alias, ATT&CK ID, key or record ID is {@code query} (case and
     * punctuation ignored). Actors are compared by identity: a record's equals walks every fact.
     */
    public List<Actor> lookup(String query) {
        List<Actor> named = byName.get(Names.key(query));
        String q = query.trim().toLowerCase(Locale.ROOT);
        Actor k = byKey.get(q);
        // A curated actor without an ATT&CK ID is keyed "kahu:<file name>"; its file name finds it too.
        if (k == null && q.indexOf(':') < 0) k = byKey.get("kahu:" + q);
        if (k == null || (named != null && containsSame(named, k))) return named == null ? List.of() : List.copyOf(named);
        List<Actor> found = new ArrayList<>(1 + (named == null ? 0 : named.size()));
        found.add(k);
        if (named != null) found.addAll(named);
        return List.copyOf(found);
    }

    private static boolean containsSame(List<Actor> list, Actor a) {
        for (Actor x : list) if (x == a) return true;
        return false;
    }

    public List<Actor> actors() {
        return actors;
    }

    /** ATT&CK techniques, software and groups known by ID (from imports), e.g. for technique names. */
    public Map<String, AttackEntry> attackEntries() {
        return attackEntries;
    }

    /** How many actors use each technique: the rarer, the more telling (the attribution engine's prior). */
    public Map<String, Integer> techniqueUsage() {
        Map<String, Integer> usage = new HashMap<>();
        for (Actor a : actors) for (TechniqueUse t : a.techniques()) usage.merge(t.id(), 1, Integer::sum);
        return usage;
    }

    public List<Actor> sponsoredBy(String countryOrName) {
        String q = countryOrName.trim().toLowerCase(Locale.ROOT);
        List<Actor> out = new ArrayList<>();
        for (Actor a : actors) {
            Sponsor s = a.sponsor();
            if (s == null) continue;
            if (q.equalsIgnoreCase(s.country()) || (s.countryName() != null && s.countryName().toLowerCase(Locale.ROOT).equals(q))) {
                out.add(a);
            }
        }
        return out;
    }

    public static Collection<String> originsOf(Actor a) {
        Set<String> origins = new LinkedHashSet<>();
        for (String id : a.recordIds()) origins.add(id.substring(0, id.indexOf(':')));
        return origins;
    }
}
