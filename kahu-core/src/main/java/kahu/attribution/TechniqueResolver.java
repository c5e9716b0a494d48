package kahu.attribution;

import kahu.knowledge.Actor;
import kahu.knowledge.AttackEntry;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.TechniqueUse;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an ATT&CK technique ID found in evidence into the ID the knowledge base scores: revoked IDs
 * lead to their successor, unknown ones are kept (the model treats them as uninformative) but
 * reported, so that an analyst sees a typo or a newer ATT&CK release.
 */
final class TechniqueResolver {
    static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final int MAX_REVOCATION_HOPS = 8;

    private final Map<String, AttackEntry> entries;
    private final Set<String> usedByActors = new HashSet<>();

    TechniqueResolver(KnowledgeBase kb) {
        this.entries = kb.attackEntries();
        for (Actor a : kb.actors()) for (TechniqueUse t : a.techniques()) usedByActors.add(t.id());
    }

    /** The ID to use, or null when {@code raw} is not a technique ID at all; warnings go to {@code out}. */
    String resolve(String raw, String source, EvidenceCollector out) {
        String id = raw.strip().toUpperCase(Locale.ROOT);
        if (!TECHNIQUE_ID.matcher(id).matches()) {
            out.warn(source + ": \"" + raw + "\" is not an ATT&CK technique ID; ignored");
            return null;
        }
        String current = id;
        for (int hops = 0; hops < MAX_REVOCATION_HOPS; hops++) {
            AttackEntry e = entries.get(current);
            if (e == null || e.revokedBy() == null) break;
            current = e.revokedBy();
        }
        if (!current.equals(id)) {
            out.warn(source + ": technique " + id + " is revoked in ATT&CK; counted as its successor " + current
                    + nameOf(current));
        }
        AttackEntry e = entries.get(current);
        if (e != null && e.deprecated()) {
            out.warn(source + ": technique " + current + nameOf(current) + " is deprecated in ATT&CK and has no successor");
        } else if (e == null && !usedByActors.contains(current)) {
            out.warn(source + ": technique " + current + " is unknown to the knowledge base; kept, but it cannot favour any actor");
        }
        return current;
    }

    private String nameOf(String id) {
        AttackEntry e = entries.get(id);
        return e == null || e.name() == null ? "" : " (" + e.name() + ")";
    }
}
