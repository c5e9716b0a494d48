package kahu.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Links incidents into campaigns through the values they share ({@link LinkValues}), as a weighted
 * graph of incidents and values.
 *
 * <p>A value's weight is its kind's weight times its rarity, {@code 1 − ((orgs − 1) / limit)²}, where
 * {@code orgs} is how many organisations it was seen at and {@code limit} is the larger of 5 and
 * 60 % of the constituency's organisations: a mass campaign's address seen at half the constituency
 * still links its victims, a scanner's seen everywhere does not. A value seen at more than {@code limit}
 * organisations (a public scanner, shared hosting, a default user agent) is too common to say anything
 * and is dropped, not correlated.
 *
 * <p>Strong values (weight of at least {@link #THRESHOLD}: an address, a known actor's indicator) link
 * on their own, but not through a single incident: an incident can hold another intruder's value (a
 * command put with the wrong intruder on a server two groups worked the same day), and at national
 * scale a few such incidents chained every state group into one campaign. So strong values are first
 * joined with each other where they are seen together in enough incidents ({@link #SUPPORT_MIN}, and
 * {@link #SUPPORT_SHARE} of the rarer value's incidents; once for values seen in fewer than {@link #FEW}),
 * which makes the infrastructure clusters; each
 * incident then goes to the one cluster that holds most of its strong values' weight. Weaker values
 * (shell names and hashes, user agents, networks) add up over pairs of incidents, only for values seen
 * in at most {@link #MAX_PAIRED} incidents, and never join two clusters. The work stays linear in the
 * incidents and their values, however many incidents share a value (MISP's pairwise correlation
 * table grew to hundreds of millions of rows).
 */
public final class CampaignLinker {
    public static final double THRESHOLD = 1.0;
    /** A value seen at more than this share of the constituency's organisations (and at more than 5) is too common to link. */
    static final double COMMON_SHARE = 0.6;
    static final int MAX_PAIRED = 64;
    /**
     * Two strong values join one cluster when seen together in at least this many incidents, and in at least
     * {@link #SUPPORT_SHARE} of the incidents of the rarer of the two; once, when the rarer is seen in fewer than
     * {@link #FEW} incidents (it cannot be expected to turn up together with the other twice).
     */
    static final int SUPPORT_MIN = 2;
    static final double SUPPORT_SHARE = 0.02;
    static final int FEW = 10;
    /** Strong values of one incident paired for co-occurrence (a session with more is paired through its strongest). */
    static final int MAX_VALUES_PAIRED = 24;

    /** The campaigns (two or more incidents), and the values dropped as too common, with how many organisations had them. */
    public record Result(List<Campaign> campaigns, Map<String, Integer> tooCommon) {}

    public Result link(List<Incident> incidents) {
        return link(incidents, 0);
    }

    /**
     * @param organisations how many organisations the constituency has (the register), or 0 to count those with
     *                      incidents: a mass-exploitation address seen at a third of a constituency's victims but at
     *                      most of those with incidents must still link
     */
    public Result link(List<Incident> incidents, int organisations) {
        int n = incidents.size();
        List<Map<String, Set<String>>> values = new ArrayList<>(n);
        Map<String, List<Integer>> postings = new HashMap<>();
        Map<String, Set<String>> orgsOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Map<String, Set<String>> v = LinkValues.of(incidents.get(i));
            values.add(v);
            for (var e : v.entrySet()) {
                for (String value : e.getValue()) {
                    String key = e.getKey() + "\t" + value;
                    postings.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    orgsOf.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(incidents.get(i).organisation().id());
                }
            }
        }
        long orgs = Math.max(organisations, incidents.stream().map(i -> i.organisation().id()).distinct().count());
        double limit = Math.max(5, COMMON_SHARE * orgs);
        Map<String, Double> weights = new HashMap<>();
        Map<String, Integer> tooCommon = new TreeMap<>();
        Map<Long, Double> pairs = new TreeMap<>();
        List<List<Integer>> strongPostings = new ArrayList<>();
        List<Double> strongWeights = new ArrayList<>();
        for (String key : new TreeMap<>(postings).keySet()) {
            List<Integer> p = postings.get(key);
            int df = orgsOf.get(key).size();
            if (df > limit) {
                tooCommon.put(key.replace('\t', ' '), df);
                continue;
            }
            if (p.size() < 2) continue;
            double spread = (df - 1) / limit;
            double w = LinkValues.KIND_WEIGHT.get(key.substring(0, key.indexOf('\t'))) * (1 - spread * spread);
            weights.put(key, w);
            if (w >= THRESHOLD) {
                strongPostings.add(p);
                strongWeights.add(w);
            } else if (p.size() <= MAX_PAIRED) {
                for (int a = 0; a < p.size(); a++) {
                    for (int b = a + 1; b < p.size(); b++) pairs.merge(pair(p.get(a), p.get(b)), w, Double::sum);
                }
            }
        }
        int[] core = InfrastructureClusters.assign(n, strongPostings, strongWeights);
        UnionFind uf = new UnionFind(n);
        Map<Integer, Integer> firstOfCore = new HashMap<>(), coreSize = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (core[i] < 0) continue;
            coreSize.merge(core[i], 1, Integer::sum);
            Integer first = firstOfCore.putIfAbsent(core[i], i);
            if (first != null) uf.union(first, i);
        }
        // The cluster each group of incidents belongs to (by its root), -1 for none: a cluster only one incident
        // went to is no cluster, and weak links may take that incident anywhere.
        int[] coreOf = new int[n];
        java.util.Arrays.fill(coreOf, -1);
        coreSize.forEach((c, k) -> {
            if (k >= 2) coreOf[uf.find(firstOfCore.get(c))] = c;
        });
        for (var e : pairs.entrySet()) {
            if (e.getValue() < THRESHOLD) continue;
            int ra = uf.find((int) (e.getKey() >>> 32)), rb = uf.find((int) (long) e.getKey());
            if (ra == rb || (coreOf[ra] >= 0 && coreOf[rb] >= 0)) continue;
            int joined = coreOf[ra] >= 0 ? coreOf[ra] : coreOf[rb];
            uf.union(ra, rb);
            coreOf[uf.find(ra)] = joined;
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(uf.find(i), k -> new ArrayList<>()).add(i);
        List<Campaign> campaigns = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) continue;
            List<Incident> members = g.stream().map(incidents::get).sorted(Comparator.comparing(Incident::first)
                    .thenComparing(Incident::id)).toList();
            campaigns.add(campaign(members, g, values, weights, incidents));
        }
        campaigns.sort(Comparator.comparing((Campaign c) -> -c.incidents().size()).thenComparing(Campaign::first));
        return new Result(campaigns, tooCommon);
    }

    static long pair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    private static Campaign campaign(List<Incident> members, List<Integer> indices, List<Map<String, Set<String>>> values,
                                     Map<String, Double> weights, List<Incident> all) {
        Map<String, List<String>> shared = new LinkedHashMap<>();
        for (int i : indices) {
            values.get(i).forEach((kind, vs) -> vs.forEach(v -> {
                String key = kind + "\t" + v;
                if (weights.containsKey(key)) shared.computeIfAbsent(key, k -> new ArrayList<>()).add(all.get(i).id());
            }));
        }
        List<Campaign.Link> links = new ArrayList<>();
        shared.forEach((key, ids) -> {
            if (ids.size() >= 2) {
                int tab = key.indexOf('\t');
                links.add(new Campaign.Link(key.substring(0, tab), key.substring(tab + 1), round(weights.get(key)), ids));
            }
        });
        links.sort(Comparator.comparing((Campaign.Link l) -> -l.weight() * l.incidents().size()).thenComparing(Campaign.Link::value));
        Instant first = members.getFirst().first();
        Instant last = members.stream().map(Incident::last).max(Comparator.naturalOrder()).orElse(first);
        return new Campaign(idOf(members.getFirst().id()), members, links, first, last);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String idOf(String firstIncident) {
        return "campaign-" + Ids.sha256Hex("campaign\n" + firstIncident, 6);
    }

    static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) parent[i] = i;
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            int ra = find(a), rb = find(b);
            if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
