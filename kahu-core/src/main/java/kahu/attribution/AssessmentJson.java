package kahu.attribution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON contract of {@code kahu attribute --format json} (issue 3; field names are part of the contract). */
public final class AssessmentJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AssessmentJson() {}

    public static ObjectNode toJson(Assessment a) {
        ObjectNode o = F.objectNode();
        o.put("subject", a.subject());
        ArrayNode hyps = o.putArray("hypotheses");
        for (Hypothesis h : a.hypotheses()) {
            ObjectNode n = hyps.addObject();
            n.put("actor", h.actor());
            n.put("key", h.key());
            n.put("attack_id", h.attackId());
            ArrayNode aliases = n.putArray("aliases");
            h.aliases().forEach(aliases::add);
            if (h.sponsor() == null) {
                n.putNull("sponsor");
            } else {
                ObjectNode s = n.putObject("sponsor");
                s.put("country", h.sponsor().country());
                s.put("agency", h.sponsor().agency());
            }
            n.put("probability", round(h.probability()));
            n.put("phia", h.phia().term());
            n.put("phia_range", h.phia().range());
            n.put("icd203", h.icd203().term());
            n.put("icd203_range", h.icd203().range());
            ArrayNode ev = n.putArray("evidence");
            for (Contribution c : h.evidence()) {
                ObjectNode e = ev.addObject();
                e.put("kind", c.evidence().kind().label());
                e.put("value", c.evidence().value());
                e.put("contribution", round(c.weight()));
                e.put("source", c.evidence().source());
            }
        }
        o.put("other_actors_probability", round(a.otherActorsProbability()));
        o.put("unknown_actor_probability", round(a.unknownActorProbability()));
        o.put("unknown_actor_phia", a.unknownPhia().term());
        ObjectNode conf = o.putObject("confidence");
        conf.put("level", a.confidence().level().label());
        conf.put("score", round(a.confidence().score()));
        ArrayNode reasons = conf.putArray("reasons");
        a.confidence().reasons().forEach(reasons::add);
        o.put("statement", a.statement());
        ObjectNode ach = o.putObject("ach");
        ArrayNode cols = ach.putArray("hypotheses");
        a.ach().hypotheses().forEach(cols::add);
        ArrayNode rows = ach.putArray("rows");
        for (AchMatrix.Row r : a.ach().rows()) {
            ObjectNode n = rows.addObject();
            n.put("kind", r.evidence().kind().label());
            n.put("value", r.evidence().value());
            n.put("diagnosticity", round(r.diagnosticity()));
            ArrayNode cells = n.putArray("cells");
            r.cells().forEach(c -> cells.add(c.name().toLowerCase(java.util.Locale.ROOT)));
            ArrayNode weights = n.putArray("weights");
            r.weights().forEach(x -> weights.add(round(x)));
        }
        ObjectNode sens = o.putObject("sensitivity");
        sens.put("leader", a.sensitivity().leader());
        sens.set("without_most_fakeable", check(a.sensitivity().withoutFakeable()));
        sens.set("without_strongest", check(a.sensitivity().withoutStrongest()));
        sens.put("robust", a.sensitivity().robust());
        ArrayNode warnings = o.putArray("warnings");
        a.warnings().forEach(warnings::add);
        ArrayNode evidence = o.putArray("evidence");
        for (Evidence e : a.evidence()) {
            ObjectNode n = evidence.addObject();
            n.put("kind", e.kind().label());
            n.put("value", e.value());
            n.put("source", e.source());
            n.put("reliability", e.reliability());
            n.put("fakeability", e.fakeability());
        }
        return o;
    }

    private static ObjectNode check(Sensitivity.Check c) {
        ObjectNode n = F.objectNode();
        ArrayNode removed = n.putArray("removed");
        c.removed().forEach(removed::add);
        n.put("new_leader", c.newLeader());
        if (Double.isNaN(c.newLeaderProbability())) n.putNull("new_leader_probability");
        else n.put("new_leader_probability", round(c.newLeaderProbability()));
        n.put("leader_changed", c.changed());
        return n;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
