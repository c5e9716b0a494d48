package kahu.evaluate;

import kahu.attribution.Assessment;
import kahu.correlate.Campaign;
import kahu.correlate.Finding;
import kahu.correlate.Incident;
import kahu.investigate.InvestigationResult;
import kahu.knowledge.Actor;
import kahu.knowledge.KnowledgeBase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An investigation scored against ground truth.
 *
 * <ul>
 * <li>detection, per organisation: predicted = organisations with an incident past an attempt; truth =
 *     organisations the simulator compromised;
 * <li>incident top-1: incidents with at least {@code minDetections} detections that belong to an
 *     operation (by majority of their detections' log lines and web-shell hashes), whose attribution
 *     leads with the operation's actor ("unknown" leading counts as wrong). The attribution is the one
 *     the reports and statistics give the incident: its campaign's (the evidence of every linked
 *     incident pooled) when it is linked, else its own. {@code incidentTop1Own} scores the incident's
 *     own evidence alone, and {@code compromiseTop1} the reported attribution of compromises only;
 *     {@code namedTop1} is the share right of the scored incidents whose reported attribution names an
 *     actor ({@link Assessment#namesActor}, "realistic possibility" or above; {@code incidentsNamed} of
 *     them): how far a named attribution can be trusted, beside how many go unnamed;
 * <li>campaign top-1: campaigns whose assessment leads with the actor most of their incidents belong to;
 * <li>clustering: adjusted Rand index of campaigns (an unlinked incident is its own cluster) against the
 *     true campaigns, over incidents that belong to an operation.
 * </ul>
 */
public record InvestigationScore(double recall, double precision, int truePositives, int falsePositives, int falseNegatives,
                                 double incidentTop1, int incidentsScored, double incidentTop1Own, double campaignTop1,
                                 int campaignsScored, double ari, int incidentsClustered, Map<String, String> confusions,
                                 List<String> campaignChecks, double compromiseTop1, int compromisesScored, double namedTop1,
                                 int incidentsNamed) {

    public static InvestigationScore of(InvestigationResult r, GroundTruth truth, Path telemetryRoot, KnowledgeBase kb,
                                        int minDetections) {
        Set<String> predicted = new HashSet<>();
        for (Incident i : r.incidents()) if (i.compromised() && !i.organisation().isUnknown()) predicted.add(i.organisation().id());
        int tp = 0;
        for (String o : predicted) if (truth.compromised().contains(o)) tp++;
        int fp = predicted.size() - tp, fn = truth.compromised().size() - tp;

        Map<String, GroundTruth.Operation> opOf = new HashMap<>();
        for (Incident i : r.incidents()) {
            GroundTruth.Operation op = majority(i, truth, telemetryRoot);
            if (op != null) opOf.put(i.id(), op);
        }
        Map<String, Campaign> campaignOf = new HashMap<>();
        for (Campaign c : r.campaigns()) for (Incident i : c.incidents()) campaignOf.put(i.id(), c);

        int scored = 0, right = 0, rightOwn = 0, compromises = 0, compromisesRight = 0, named = 0, namedRight = 0;
        Map<String, String> confusions = new TreeMap<>();
        List<String> truthLabels = new ArrayList<>(), predictedLabels = new ArrayList<>();
        Map<String, List<String>> incidentsOfOp = new TreeMap<>();
        for (Incident i : r.incidents()) {
            GroundTruth.Operation op = opOf.get(i.id());
            if (op == null) continue;
            Campaign cc = campaignOf.get(i.id());
            incidentsOfOp.computeIfAbsent(op.id() + " " + op.actor() + " " + op.organisation(), k -> new ArrayList<>())
                    .add(i.findings().size() + (cc == null ? " unlinked" : " in " + cc.id()));
            truthLabels.add(op.campaign());
            Campaign c = campaignOf.get(i.id());
            predictedLabels.add(c == null ? i.id() : c.id());
            if (i.findings().size() < minDetections) continue;
            scored++;
            Set<String> keys = keysOf(kb, op.actor());
            Assessment own = r.assessments().get(i.id());
            if (leads(own, keys)) rightOwn++;
            Assessment shown = c == null ? own : r.assessments().get(c.id());
            if (shown != null && shown.namesActor()) {
                named++;
                if (leads(shown, keys)) namedRight++;
            }
            if (leads(shown, keys)) right++;
            else confusions.merge(op.actor() + " -> " + leader(shown), "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
            if (i.compromised()) {
                compromises++;
                if (leads(shown, keys)) compromisesRight++;
            }
        }
        int campaigns = 0, campaignsRight = 0;
        List<String> checks = new ArrayList<>();
        for (Campaign c : r.campaigns()) {
            Map<String, Integer> votes = new HashMap<>();
            for (Incident i : c.incidents()) {
                GroundTruth.Operation op = opOf.get(i.id());
                if (op != null) votes.merge(op.actor(), 1, Integer::sum);
            }
            checks.add("campaign " + c.id() + " (" + c.incidents().size() + " incidents): truth " + new TreeMap<>(votes) + ", assessed "
                    + leader(r.assessments().get(c.id())));
            if (votes.size() > 1) checks.addAll(bridges(c, opOf));
            if (votes.isEmpty()) continue;
            String actor = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            campaigns++;
            if (leads(r.assessments().get(c.id()), keysOf(kb, actor))) campaignsRight++;
        }
        incidentsOfOp.forEach((op, list) -> {
            if (list.size() > 1 || list.getFirst().endsWith("unlinked")) checks.add("operation " + op + ": incidents " + list);
        });
        return new InvestigationScore(ratio(tp, tp + fn), ratio(tp, tp + fp), tp, fp, fn, ratio(right, scored), scored,
                ratio(rightOwn, scored), ratio(campaignsRight, campaigns), campaigns,
                AdjustedRand.of(truthLabels, predictedLabels), truthLabels.size(), confusions, checks,
                ratio(compromisesRight, compromises), compromises, ratio(namedRight, named), named);
    }

    /**
     * For a campaign that joins several true actors: the strong link values whose incidents belong to more than one of
     * them (what chained the actors together), and the incidents whose own findings come from several actors.
     */
    private static List<String> bridges(Campaign c, Map<String, GroundTruth.Operation> opOf) {
        List<String> out = new ArrayList<>();
        for (Campaign.Link l : c.links()) {
            Map<String, Integer> actors = new TreeMap<>();
            for (String id : l.incidents()) {
                GroundTruth.Operation op = opOf.get(id);
                if (op != null) actors.merge(op.actor(), 1, Integer::sum);
            }
            if (actors.size() > 1 && out.size() < 8) {
                out.add("  bridge " + l.kind() + " " + l.value() + " (weight " + l.weight() + "): " + actors);
            }
        }
        return out;
    }

    private static GroundTruth.Operation majority(Incident i, GroundTruth truth, Path root) {
        Map<String, Integer> votes = new HashMap<>();
        for (Finding f : i.findings()) {
            String op = truth.operationOf(f.detection().location(), root, f.detection().observables().getOrDefault("file:sha256", List.of()));
            if (op != null) votes.merge(op, 1, Integer::sum);
        }
        return votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> truth.operations().get(e.getKey())).orElse(null);
    }

    private static Set<String> keysOf(KnowledgeBase kb, String actor) {
        Set<String> keys = new HashSet<>();
        keys.add(actor);
        for (Actor a : kb.lookup(actor)) keys.add(a.key());
        return keys;
    }

    private static boolean leads(Assessment a, Set<String> keys) {
        return a != null && !a.unknownLeads() && keys.contains(a.leader().key());
    }

    private static String leader(Assessment a) {
        return a == null ? "none" : a.unknownLeads() ? "unknown" : a.leader().key();
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
