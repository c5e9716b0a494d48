package kahu.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker's infrastructure as clusters of strong values (addresses, known actors' indicators),
 * and the one cluster each incident belongs to. See {@link CampaignLinker} for why two values must be
 * seen together in several incidents, not one, before they are taken as one attacker's.
 */
final class InfrastructureClusters {
    private InfrastructureClusters() {}

    /** How many incidents must show two values together, the rarer of which is seen in {@code rarer} incidents. */
    static int support(int rarer) {
        if (rarer < CampaignLinker.FEW) return 1;
        return (int) Math.max(CampaignLinker.SUPPORT_MIN, Math.ceil(CampaignLinker.SUPPORT_SHARE * rarer));
    }

    /**
     * @param postings per strong value, the incidents (indices, ascending) it was seen in
     * @param weights  per strong value, its weight
     * @return per incident, its cluster (the id of a value in it), or -1 when it has no strong value
     */
    static int[] assign(int incidents, List<List<Integer>> postings, List<Double> weights) {
        int m = postings.size();
        List<List<Integer>> valuesOf = new ArrayList<>(incidents);
        for (int i = 0; i < incidents; i++) valuesOf.add(null);
        for (int v = 0; v < m; v++) {
            for (int i : postings.get(v)) {
                if (valuesOf.get(i) == null) valuesOf.set(i, new ArrayList<>(4));
                valuesOf.get(i).add(v);
            }
        }
        // How many incidents see each pair of values together.
        Map<Long, Integer> together = new HashMap<>();
        for (List<Integer> vs : valuesOf) {
            if (vs == null || vs.size() < 2) continue;
            List<Integer> paired = vs;
            if (vs.size() > CampaignLinker.MAX_VALUES_PAIRED) {
                paired = new ArrayList<>(vs);
                paired.sort((a, b) -> weights.get(a).equals(weights.get(b)) ? Integer.compare(a, b) : Double.compare(weights.get(b), weights.get(a)));
                paired = paired.subList(0, CampaignLinker.MAX_VALUES_PAIRED);
            }
            for (int a = 0; a < paired.size(); a++) {
                for (int b = a + 1; b < paired.size(); b++) together.merge(CampaignLinker.pair(paired.get(a), paired.get(b)), 1, Integer::sum);
            }
        }
        CampaignLinker.UnionFind clusters = new CampaignLinker.UnionFind(m);
        together.forEach((key, count) -> {
            int a = (int) (key >>> 32), b = (int) (long) key;
            int rarer = Math.min(postings.get(a).size(), postings.get(b).size());
            if (count >= support(rarer)) clusters.union(a, b);
        });
        // Each incident to the cluster holding most of its strong values' weight; ties to the cluster seen in
        // more incidents, then to the lower id (deterministic).
        int[] reach = new int[m];
        for (List<Integer> vs : valuesOf) {
            if (vs == null) continue;
            for (int root : vs.stream().map(clusters::find).distinct().toList()) reach[root]++;
        }
        int[] out = new int[incidents];
        Arrays.fill(out, -1);
        for (int i = 0; i < incidents; i++) {
            List<Integer> vs = valuesOf.get(i);
            if (vs == null) continue;
            Map<Integer, Double> score = new HashMap<>();
            for (int v : vs) score.merge(clusters.find(v), weights.get(v), Double::sum);
            int best = -1;
            double bestScore = 0;
            for (var e : score.entrySet()) {
                int c = e.getKey();
                double sc = e.getValue();
                boolean better = best < 0 || sc > bestScore + 1e-9
                        || (Math.abs(sc - bestScore) <= 1e-9 && (reach[c] > reach[best] || (reach[c] == reach[best] && c < best)));
                if (better) {
                    best = c;
                    bestScore = sc;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
