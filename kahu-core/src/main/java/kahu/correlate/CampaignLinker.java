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
 * graph whose connected parts (edges of at least {@link #THRESHOLD}) are the campaigns.
 *
 * <p>A value's weight is its kind's weight times its rarity, {@code 1 − ((orgs − 1) / limit)²}, where
 * {@code orgs} is how many organisations it was seen at and {@code limit} is the larger of 5 and
 * 60 % of the constituency's organisations: a mass campaign's address seen at half the constituency
 * still links its victims, a scanner's seen everywhere does not. A value seen at more than {@code limit} organisations
 * (a public scanner, shared hosting, a default user agent) is too common to say anything and is
 * dropped, not correlated. The graph is never built pair by pair for strong values: a value whose
 * weight reaches the threshold on its own joins all its incidents in one pass (linear in their
 * number); only weaker values add up over pairs, and only for values seen in at most
 * {@link #MAX_PAIRED} incidents, so the work stays bounded however many incidents share a value
 * (MISP's pairwise correlation table grew to hundreds of millions of rows).
 */
public final class CampaignLinker {
    public static final double THRESHOLD = 1.0;
    /** A value seen at more than this share of the constituency's organisations (and at more than 5) is too common to link. */
    static final double COMMON_SHARE = 0.6;
    static final int MAX_PAIRED = 64;

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
        UnionFind uf = new UnionFind(n);
        Map<String, Double> weights = new HashMap<>();
        Map<String, Integer> tooCommon = new TreeMap<>();
        Map<Long, Double> pairs = new HashMap<>();
        for (var e : postings.entrySet()) {
            List<Integer> p = e.getValue();
            int df = orgsOf.get(e.getKey()).size();
            if (df > limit) {
                tooCommon.put(e.getKey().replace('\t', ' '), df);
                continue;
            }
            if (p.size() < 2) continue;
            double spread = (df - 1) / limit;
            double w = LinkValues.KIND_WEIGHT.get(e.getKey().substring(0, e.getKey().indexOf('\t'))) * (1 - spread * spread);
            weights.put(e.getKey(), w);
            if (w >= THRESHOLD) {
                for (int k = 1; k < p.size(); k++) uf.union(p.get(0), p.get(k));
            } else if (p.size() <= MAX_PAIRED) {
                for (int a = 0; a < p.size(); a++) {
                    for (int b = a + 1; b < p.size(); b++) {
                        long key = ((long) Math.min(p.get(a), p.get(b)) << 32) | Math.max(p.get(a), p.get(b));
                        pairs.merge(key, w, Double::sum);
                    }
                }
            }
        }
        pairs.forEach((key, w) -> {
            if (w >= THRESHOLD) uf.union((int) (key >>> 32), (int) (long) key);
        });
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

    private static final class UnionFind {
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
