package kahu.attribution;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Rates analytic confidence from the evidence, not from the probability: a probability can be high on
 * three planted indicators, and confidence must then be low. Five factors, each in [0, 1], are weighed
 * (docs/attribution.md): quantity of informative items (8 or more = full), diversity of kinds (3 or
 * more), reliability, resistance to planting (share of the leader's support not from easily planted
 * items), and the margin of the leader over the runner-up (two orders of magnitude = full). A leader
 * that does not survive the false-flag check loses a level, and high confidence needs at least two
 * kinds of evidence.
 */
final class ConfidenceRating {
    static final double HIGH = 0.70, MODERATE = 0.45;

    private ConfidenceRating() {}

    static Confidence rate(List<Evidence> items, double[][] w, double[] p, Integer[] order, Sensitivity sensitivity) {
        List<String> reasons = new ArrayList<>();
        int n = p.length - 1;
        if (items.isEmpty() || n == 0) {
            reasons.add("no usable evidence");
            return new Confidence(Confidence.Level.LOW, 0, reasons);
        }
        int lead = order[0];
        boolean unknownLeads = p[n] >= p[lead];
        int informative = 0;
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        double support = 0, planted = 0, reliability = 0;
        for (int i = 0; i < items.size(); i++) {
            double x = w[i][lead];
            if (Math.abs(x) >= Assessor.NEUTRAL) {
                informative++;
                kinds.add(items.get(i).kind());
            }
            if (x > 0) {
                support += x;
                reliability += x * items.get(i).reliability();
                if (items.get(i).fakeability() >= Assessor.EASILY_PLANTED) planted += x;
            }
        }
        double quantity = Math.min(1, informative / 8.0);
        double diversity = Math.min(1, kinds.size() / 3.0);
        double reliable = support > 0 ? reliability / support : 0;
        double unplanted = support > 0 ? 1 - planted / support : 0;
        double runnerUp = unknownLeads ? p[lead] : Math.max(p[n], n > 1 ? p[order[1]] : 0);
        double leaderP = unknownLeads ? p[n] : p[lead];
        double margin = Math.min(1, Math.max(0, Math.log10(leaderP / Math.max(runnerUp, 1e-12)) / 2));
        double score = 0.25 * quantity + 0.15 * diversity + 0.15 * reliable + 0.2 * unplanted + 0.25 * margin;
        reasons.add(String.format("%d informative item(s) of %d kind(s)", informative, kinds.size()));
        reasons.add(String.format("mean reliability %.2f; %.0f%% of the support from easily planted evidence", reliable, 100 * (1 - unplanted)));
        double ratio = leaderP / Math.max(runnerUp, 1e-12);
        reasons.add(ratio > 1e6 ? "leader more than a million times as likely as the runner-up"
                : String.format("leader %,.1f times as likely as the runner-up", ratio));
        Confidence.Level level = score >= HIGH ? Confidence.Level.HIGH : score >= MODERATE ? Confidence.Level.MODERATE : Confidence.Level.LOW;
        if (!sensitivity.robust() && level != Confidence.Level.LOW) {
            level = Confidence.Level.values()[level.ordinal() - 1];
            reasons.add("the leading hypothesis does not survive the false-flag check");
        }
        if (kinds.size() < 2 && level == Confidence.Level.HIGH) {
            level = Confidence.Level.MODERATE;
            reasons.add("only one kind of evidence: high confidence needs at least two independent kinds");
        }
        if (unknownLeads && level == Confidence.Level.HIGH) {
            level = Confidence.Level.MODERATE;
            reasons.add("no named actor explains the evidence better than an unknown one");
        }
        return new Confidence(level, score, reasons);
    }
}
