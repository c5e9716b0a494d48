package kahu.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link KnowledgeBase}: the curated files shipped in Kahu plus what is stored. */
public final class KnowledgeLoader {
    private KnowledgeLoader() {}

    /** Only the curated knowledge shipped inside Kahu: no database needed. */
    public static KnowledgeBase builtIn() {
        return build(CuratedActors.loadBuiltIn(), List.of(), List.of());
    }

    public static KnowledgeBase load(KnowledgeStore store) {
        List<ActorRecord> records = new ArrayList<>(CuratedActors.loadBuiltIn());
        records.addAll(store.actorRecords());
        return build(records, store.decisions(), store.attackEntries());
    }

    static KnowledgeBase build(List<ActorRecord> records, List<ActorDecision> decisions, List<AttackEntry> entries) {
        Map<String, AttackEntry> byId = new HashMap<>();
        for (AttackEntry e : entries) byId.put(e.attackId(), e);
        return new KnowledgeBase(ActorResolver.resolve(records, decisions), records, byId);
    }
}
