package kahu.attribution;

import kahu.knowledge.Actor;
import kahu.knowledge.AttackEntry;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.Names;
import kahu.knowledge.SoftwareUse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the knowledge base's name for a malware or tool family: its ATT&CK software ID when ATT&CK
 * or an actor profile knows one, else "name:" plus the normalised name. Names are compared as
 * {@link Names#key} so that "China Chopper" and "chinachopper" are one family.
 */
final class SoftwareResolver {
    static final Pattern SOFTWARE_ID = Pattern.compile("S\\d{4}");
    private static final String NAME_PREFIX = "name:";

    /** A software value and the techniques ATT&CK says it implements. */
    record Match(String value, List<String> implies, boolean known) {}

    private final Map<String, AttackEntry> entries;
    /** Normalised name → ATT&CK ID, or "" when a profile names the family without an ID. */
    private final Map<String, String> byName = new HashMap<>();
    private final Set<String> knownIds = new HashSet<>();

    SoftwareResolver(KnowledgeBase kb) {
        this.entries = kb.attackEntries();
        for (AttackEntry e : entries.values()) {
            if (e.kind() != AttackEntry.Kind.SOFTWARE) continue;
            knownIds.add(e.attackId());
            if (e.name() != null && e.revokedBy() == null) byName.put(Names.key(e.name()), e.attackId());
        }
        // ATT&CK's other names for software ("PowerShell Empire" for Empire), never over a primary name.
        for (AttackEntry e : entries.values()) {
            if (e.kind() != AttackEntry.Kind.SOFTWARE || e.revokedBy() != null) continue;
            for (String alias : e.aliases()) byName.putIfAbsent(Names.key(alias), e.attackId());
        }
        for (Actor a : kb.actors()) {
            for (SoftwareUse s : a.software()) {
                if (s.attackId() != null) knownIds.add(s.attackId());
                String key = Names.key(s.name());
                String id = s.attackId() == null ? "" : s.attackId();
                // An ID beats a bare name: a curated file may name a family ATT&CK also lists.
                byName.merge(key, id, (old, neu) -> old.isEmpty() ? neu : old);
            }
        }
    }

    /** The match for a family known by its own ATT&CK ID (if any) and its names, first name first. */
    Match resolve(String ownId, List<String> names) {
        if (ownId != null && SOFTWARE_ID.matcher(ownId.strip().toUpperCase(Locale.ROOT)).matches()) {
            String id = successor(ownId.strip().toUpperCase(Locale.ROOT));
            return new Match(id, techniquesOf(id), knownIds.contains(id));
        }
        for (String n : names) {
            String id = byName.get(Names.key(n));
            if (id == null) continue;
            if (id.isEmpty()) return new Match(NAME_PREFIX + Names.key(n), List.of(), true);
            id = successor(id);
            return new Match(id, techniquesOf(id), true);
        }
        return new Match(NAME_PREFIX + Names.key(names.getFirst()), List.of(), false);
    }

    private String successor(String id) {
        String current = id;
        for (int hops = 0; hops < 8; hops++) {
            AttackEntry e = entries.get(current);
            if (e == null || e.revokedBy() == null) break;
            current = e.revokedBy();
        }
        return current;
    }

    private List<String> techniquesOf(String id) {
        AttackEntry e = entries.get(id);
        return e == null ? List.of() : e.techniques();
    }
}
