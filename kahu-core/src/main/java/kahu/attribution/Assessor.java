package kahu.attribution;

import kahu.knowledge.Actor;
import kahu.knowledge.Alias;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the model's numbers into an assessment an analyst can read and defend: ranked hypotheses
 * with each item's contribution, the ACH matrix, the false-flag check, confidence and the statement.
 */
final class Assessor {
    /** How many named hypotheses an assessment lists (plus any above 1%). */
    static final int SHOWN = 10;
    /** How many named hypotheses the ACH matrix compares (plus the unknown actor). */
    static final int ACH_COLUMNS = 4;
    /** A weight (log10 LR) below this in size counts as neutral. */
    static final double NEUTRAL = 0.1;
    /** Evidence at least this easy to plant is what the false-flag check removes first. */
    static final double EASILY_PLANTED = 0.6;

    private final AttributionModel model;

    Assessor(AttributionModel model) {
        this.model = model;
    }

    Assessment assess(EvidenceSet set) {
        List<Evidence> items = set.items();
        List<String> warnings = new ArrayList<>(set.warnings());
        double[][] w = model.weights(items);
        Posterior post = model.posterior(w);
        double[] p = post.probabilities();
        int n = p.length - 1;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]));

        List<Hypothesis> shown = new ArrayList<>();
        double shownMass = 0;
        for (int r = 0; r < n; r++) {
            int a = order[r];
            if (r >= SHOWN && p[a] < 0.01) break;
            shown.add(hypothesis(a, p[a], items, w));
            shownMass += p[a];
        }
        double others = Math.max(0, 1 - shownMass - post.unknown());
        if (items.isEmpty() && warnings.stream().noneMatch(x -> x.contains("no usable evidence"))) {
            warnings.add("no usable evidence: the assessment rests on the priors alone");
        }
        if (n == 0) warnings.add("the knowledge base has no profiled actor: import ATT&CK (kahu kb import)");

        Sensitivity sensitivity = sensitivity(set, post, order, w);
        AchMatrix ach = ach(items, w, order, n);
        Confidence confidence = ConfidenceRating.rate(items, w, p, order, sensitivity);
        Hypothesis lead = shown.isEmpty() ? null : shown.getFirst();
        boolean unknownLeads = Assessment.unknownLeads(lead, post.unknown());
        Estimative unknownPhia = EstimativeLanguage.phia(post.unknown());
        return new Assessment(set.subject(), shown, others, post.unknown(), unknownPhia, confidence,
                Statement.of(lead, unknownLeads, unknownPhia, confidence), ach, sensitivity, items, warnings);
    }

    private Hypothesis hypothesis(int a, double prob, List<Evidence> items, double[][] w) {
        Actor actor = model.actors().get(a);
        List<Contribution> cs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) cs.add(new Contribution(items.get(i), w[i][a]));
        cs.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())));
        return new Hypothesis(actor.key(), actor.name(), actor.attackId(), actor.aliases().stream().map(Alias::name).toList(),
                actor.sponsor(), prob, EstimativeLanguage.phia(prob), EstimativeLanguage.icd203(prob), cs);
    }

    private String leaderName(Posterior post) {
        int best = post.best();
        if (post.probabilities().length == 1 || post.unknown() >= post.probabilities()[best]) return Assessment.UNKNOWN_ACTOR;
        return model.actors().get(best).name();
    }

    private Sensitivity sensitivity(EvidenceSet set, Posterior post, Integer[] order, double[][] w) {
        String leader = leaderName(post);
        List<Evidence> items = set.items();
        // The most easily planted evidence: infrastructure, time zones, language traces (fakeability >= 0.6).
        List<Evidence> fakeable = items.stream().filter(e -> e.fakeability() >= EASILY_PLANTED).toList();
        Sensitivity.Check withoutFakeable = check(set, fakeable, leader);
        List<Evidence> strongest = List.of();
        if (!items.isEmpty() && order.length > 0) {
            int lead = order[0];
            int best = 0;
            for (int i = 1; i < items.size(); i++) if (w[i][lead] > w[best][lead]) best = i;
            if (w[best][lead] > 0) strongest = List.of(items.get(best));
        }
        return new Sensitivity(leader, withoutFakeable, check(set, strongest, leader));
    }

    private Sensitivity.Check check(EvidenceSet set, List<Evidence> removed, String leader) {
        if (removed.isEmpty()) return new Sensitivity.Check(List.of(), leader, Double.NaN, false);
        List<Evidence> rest = new ArrayList<>(set.items());
        Set<Evidence> drop = new HashSet<>(removed);
        rest.removeIf(drop::contains);
        Posterior post = model.posterior(new EvidenceSet(set.subject(), rest, List.of()));
        String newLeader = leaderName(post);
        double prob = newLeader.equals(Assessment.UNKNOWN_ACTOR) ? post.unknown() : post.probabilities()[post.best()];
        return new Sensitivity.Check(removed.stream().map(Evidence::describe).toList(), newLeader, prob, !newLeader.equals(leader));
    }

    private AchMatrix ach(List<Evidence> items, double[][] w, Integer[] order, int n) {
        int cols = Math.min(ACH_COLUMNS, n);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cols; c++) names.add(model.actors().get(order[c]).name());
        names.add(Assessment.UNKNOWN_ACTOR);
        List<AchMatrix.Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<AchMatrix.Cell> cells = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            double min = 0, max = 0; // the unknown actor's weight is 0
            for (int c = 0; c < cols; c++) {
                double x = w[i][order[c]];
                weights.add(x);
                min = Math.min(min, x);
                max = Math.max(max, x);
                cells.add(x >= NEUTRAL ? AchMatrix.Cell.CONSISTENT : x <= -NEUTRAL ? AchMatrix.Cell.INCONSISTENT : AchMatrix.Cell.NEUTRAL);
            }
            weights.add(0.0);
            cells.add(AchMatrix.Cell.NEUTRAL);
            rows.add(new AchMatrix.Row(items.get(i), max - min, cells, weights));
        }
        rows.sort(Comparator.comparingDouble((AchMatrix.Row r) -> -r.diagnosticity()));
        return new AchMatrix(names, rows);
    }
}
