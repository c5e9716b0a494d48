package kahu.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.attribution.Assessment;
import kahu.attribution.Hypothesis;
import kahu.correlate.Campaign;
import kahu.correlate.Incident;
import kahu.correlate.Organisation;
import kahu.investigate.InvestigationResult;
import kahu.stix.codec.StixCodec;
import kahu.stix.id.StixIds;
import kahu.stix.marking.Tlp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code findings.stix.json}: a STIX 2.1 bundle of what the investigation concluded, marked TLP:AMBER:
 * campaigns, the intrusion sets they are attributed to ({@code attributed-to} relationships whose
 * {@code confidence} is the probability in percent, the statement in the description; only where the
 * assessment names the actor, {@link Assessment#namesActor}: a partner's platform shows such a
 * relationship as an attribution, and one at 19 % is none), incidents,
 * and victims as pseudonymous identities with their sector ({@code targets}). Ids are UUIDv5 of
 * Kahu's own ids, so the same investigation gives the same objects.
 */
public final class FindingsStix {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final UUID NAMESPACE = UUID.fromString("3f6f1d52-8a0e-4c55-bb7e-2b9a4c1d7e60");

    private FindingsStix() {}

    public static ObjectNode bundle(InvestigationResult r) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        ObjectNode bundle = F.objectNode();
        bundle.put("type", "bundle");
        bundle.put("id", StixIds.newId("bundle"));
        ArrayNode objects = bundle.putArray("objects");
        objects.add(StixCodec.toJson(Tlp.AMBER.markingDefinition()));
        String kahu = id("identity", "kahu");
        ObjectNode producer = sdo("identity", kahu, now, null);
        producer.put("name", "Kahu");
        producer.put("identity_class", "system");
        objects.add(producer);
        Map<String, String> victims = new LinkedHashMap<>();
        for (Incident i : r.incidents()) {
            Organisation o = i.organisation();
            victims.computeIfAbsent(o.id(), k -> {
                String vid = id("identity", "victim:" + k);
                ObjectNode v = sdo("identity", vid, now, kahu);
                v.put("name", o.pseudonym());
                v.put("identity_class", "organization");
                if (o.sector() != null) v.putArray("sectors").add(o.sector());
                objects.add(v);
                return vid;
            });
            if (!i.compromised()) continue;
            ObjectNode inc = sdo("incident", id("incident", i.id()), now, kahu);
            inc.put("name", i.id());
            inc.put("description", "Category " + i.category().category() + " (" + i.category().name() + "): "
                    + i.category().reason() + ". " + i.findings().size() + " detections from " + i.first() + " to " + i.last() + ".");
            objects.add(inc);
            objects.add(relationship("targets", id("incident", i.id()), victims.get(o.id()), now, kahu, null, null));
        }
        Map<String, String> sets = new LinkedHashMap<>();
        for (Campaign c : r.campaigns()) {
            String cid = id("campaign", c.id());
            ObjectNode camp = sdo("campaign", cid, now, kahu);
            camp.put("name", c.id());
            camp.put("first_seen", ts(c.first()));
            camp.put("last_seen", ts(c.last()));
            Assessment a = r.assessments().get(c.id());
            camp.put("description", c.incidents().size() + " incidents at " + c.organisations() + " organisations."
                    + (a == null ? "" : " " + a.statement())); // the statement also where no actor is named
            objects.add(camp);
            c.incidents().stream().map(i -> i.organisation().id()).distinct()
                    .forEach(o -> objects.add(relationship("targets", cid, victims.get(o), now, kahu, null, null)));
            if (a == null || !a.namesActor()) continue; // shared as attributed only from "realistic possibility" up
            Hypothesis lead = a.leader();
            String set = sets.computeIfAbsent(lead.key(), k -> {
                String sid = id("intrusion-set", "actor:" + k);
                ObjectNode is = sdo("intrusion-set", sid, now, kahu);
                is.put("name", lead.actor());
                ArrayNode aliases = is.putArray("aliases");
                lead.aliases().forEach(aliases::add);
                if (lead.attackId() != null) {
                    ObjectNode ref = is.putArray("external_references").addObject();
                    ref.put("source_name", "mitre-attack");
                    ref.put("external_id", lead.attackId());
                }
                objects.add(is);
                return sid;
            });
            objects.add(relationship("attributed-to", cid, set, now, kahu, (int) Math.round(lead.probability() * 100), a.statement()));
        }
        return bundle;
    }

    private static ObjectNode relationship(String type, String from, String to, String now, String by, Integer confidence,
                                           String description) {
        ObjectNode rel = sdo("relationship", id("relationship", type + from + to), now, by);
        rel.put("relationship_type", type);
        rel.put("source_ref", from);
        rel.put("target_ref", to);
        if (confidence != null) rel.put("confidence", Math.max(0, Math.min(100, confidence)));
        if (description != null) rel.put("description", description);
        return rel;
    }

    private static ObjectNode sdo(String type, String id, String now, String createdBy) {
        ObjectNode o = F.objectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        if (createdBy != null) o.put("created_by_ref", createdBy);
        o.put("created", now);
        o.put("modified", now);
        o.putArray("object_marking_refs").add(Tlp.AMBER.markingId());
        return o;
    }

    private static String id(String type, String name) {
        return StixIds.of(type, StixIds.uuidV5(NAMESPACE, type + ":" + name));
    }

    private static String ts(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
