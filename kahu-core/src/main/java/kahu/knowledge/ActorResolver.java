package kahu.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups actor records into actors.
 *
 * <p>Strong links merge: the same ATT&CK group ID (a revoked group counts as the group that replaced
 * it), or the same primary name from two different sources. Aliases never merge on their own: one
 * alias is often given to two groups (MISP gives NOBELIUM to both APT29 and UNC2452), so a shared
 * alias only records a "possibly the same as" link. Analysts' decisions then apply: a split record
 * stands alone, a merge joins two actors.
 */
final class ActorResolver {
    private ActorResolver() {}

    static List<Actor> resolve(List<ActorRecord> records, List<ActorDecision> decisions) {
        int n = records.size();
        UnionFind uf = new UnionFind(n);
        Set<String> splitRecords = new HashSet<>();
        for (ActorDecision d : decisions) if (d.action() == ActorDecision.Action.SPLIT) splitRecords.add(d.other());

        Map<String, Integer> byAttackId = new HashMap<>();
        Map<String, Integer> byPrimaryName = new HashMap<>();
        Map<String, Integer> byRecordId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ActorRecord r = records.get(i);
            byRecordId.put(r.recordId(), i);
            if (splitRecords.contains(r.recordId())) continue;
            String gid = r.revokedBy() != null ? r.revokedBy() : r.attackId();
            if (gid != null) {
                Integer j = byAttackId.putIfAbsent(gid, i);
                if (j != null) uf.union(i, j);
            }
            if (r.revokedBy() == null) {
                Integer j = byPrimaryName.get(Names.key(r.name()));
                if (j == null) byPrimaryName.put(Names.key(r.name()), i);
                else if (!records.get(j).origin().equals(r.origin())) uf.union(i, j);
            }
        }
        // Analysts' merges: join whatever the two names resolve to now.
        for (ActorDecision d : decisions) {
            if (d.action() != ActorDecision.Action.MERGE) continue;
            Integer a = find(records, d.subject(), byRecordId), b = find(records, d.other(), byRecordId);
            if (a != null && b != null) uf.union(a, b);
        }

        Map<Integer, List<ActorRecord>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(uf.find(i), k -> new ArrayList<>()).add(records.get(i));
        List<Actor> actors = new ArrayList<>(groups.size());
        Map<String, Integer> actorOfRecord = new HashMap<>();
        for (List<ActorRecord> g : groups.values()) {
            // A group made only of revoked ATT&CK records points at an actor we do not have: keep it visible.
            Actor a = ActorMerger.merge(g);
            for (ActorRecord r : g) actorOfRecord.put(r.recordId(), actors.size());
            actors.add(a);
        }
        return withLinks(actors, records, actorOfRecord);
    }

    /** A decision's name: a record ID, else an ATT&CK ID, else a primary name, else an alias, in that order. */
    private static Integer find(List<ActorRecord> records, String nameOrId, Map<String, Integer> byRecordId) {
        Integer idx = byRecordId.get(nameOrId);
        if (idx != null) return idx;
        String key = Names.key(nameOrId);
        Integer byPrimary = null, byAlias = null;
        for (int i = 0; i < records.size(); i++) {
            ActorRecord r = records.get(i);
            if (nameOrId.equalsIgnoreCase(r.attackId()) && r.revokedBy() == null) return i;
            if (byPrimary == null && Names.key(r.name()).equals(key)) byPrimary = i;
            if (byAlias == null) for (Alias a : r.aliases()) if (Names.key(a.name()).equals(key)) byAlias = i;
        }
        return byPrimary != null ? byPrimary : byAlias;
    }

    private static List<Actor> withLinks(List<Actor> actors, List<ActorRecord> records, Map<String, Integer> actorOfRecord) {
        Map<String, Set<Integer>> actorsByName = new HashMap<>();
        for (ActorRecord r : records) {
            int a = actorOfRecord.get(r.recordId());
            for (String name : r.allNames()) actorsByName.computeIfAbsent(Names.key(name), k -> new HashSet<>()).add(a);
        }
        List<Map<Integer, String>> reasons = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) reasons.add(new LinkedHashMap<>());
        for (ActorRecord r : records) {
            int a = actorOfRecord.get(r.recordId());
            for (String name : r.allNames()) {
                for (int b : actorsByName.get(Names.key(name))) {
                    if (b != a) reasons.get(a).putIfAbsent(b, "both are called \"" + name + "\"");
                }
            }
            for (String similar : r.similarTo()) {
                Integer b = actorOfRecord.get(similar);
                if (b != null && b != a) {
                    reasons.get(a).putIfAbsent(b, Origins.describe(r.origin()) + " calls them similar");
                    reasons.get(b).putIfAbsent(a, Origins.describe(r.origin()) + " calls them similar");
                }
            }
        }
        List<Actor> out = new ArrayList<>(actors.size());
        for (int i = 0; i < actors.size(); i++) {
            List<Actor.ActorLink> links = new ArrayList<>();
            reasons.get(i).forEach((b, why) -> links.add(new Actor.ActorLink(actors.get(b).key(), actors.get(b).label(), why)));
            out.add(actors.get(i).withLinks(links));
        }
        return out;
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) parent[i] = i;
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a), rb = find(b);
            if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
