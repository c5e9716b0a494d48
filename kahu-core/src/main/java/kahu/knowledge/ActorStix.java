package kahu.knowledge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Actors as a STIX 2.1 bundle: an intrusion-set per actor with its aliases and external references,
 * an attack-pattern per technique, malware/tool per software item, and {@code uses} relationships.
 * Identifiers are name-based (UUIDv5), so exporting twice gives the same ids.
 */
public final class ActorStix {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Namespace for Kahu's name-based ids (a fixed random UUID). */
    private static final UUID KAHU_NAMESPACE = UUID.fromString("3b1f8a5e-6d2c-4c1e-9a57-2f0d5e8b7c41");
    public static final String KAHU_IDENTITY = "identity--" + uuid5("identity:kahu");

    private ActorStix() {}

    public static ObjectNode bundle(List<Actor> actors) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        ObjectNode bundle = F.objectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode objects = bundle.putArray("objects");
        ObjectNode identity = common("identity", KAHU_IDENTITY, now);
        identity.remove("created_by_ref");
        identity.put("name", "Kahu");
        identity.put("identity_class", "system");
        objects.add(identity);
        java.util.Set<String> written = new java.util.HashSet<>();
        for (Actor a : actors) {
            String setId = "intrusion-set--" + uuid5("actor:" + a.key());
            ObjectNode set = common("intrusion-set", setId, now);
            set.put("name", a.name());
            if (a.summary() != null) set.put("description", a.summary());
            ArrayNode aliases = set.putArray("aliases");
            for (Alias al : a.aliases()) aliases.add(al.name());
            if (a.motivation() != null) set.put("primary_motivation", motivation(a.motivation().value()));
            ArrayNode refs = set.putArray("external_references");
            if (a.attackId() != null) {
                ObjectNode r = refs.addObject();
                r.put("source_name", "mitre-attack");
                r.put("external_id", a.attackId());
                r.put("url", "https://attack.mitre.org/groups/" + a.attackId() + "/");
            }
            for (Reference ref : a.references()) {
                if (ref.url() == null) continue;
                ObjectNode r = refs.addObject();
                r.put("source_name", ref.publisher() == null ? ref.key() : ref.publisher());
                r.put("description", ref.title());
                r.put("url", ref.url());
            }
            if (refs.isEmpty()) set.remove("external_references");
            if (a.sponsor() != null) {
                set.put("x_kahu_sponsor_country", a.sponsor().country());
                if (a.sponsor().agency() != null) set.put("x_kahu_sponsor_agency", a.sponsor().agency());
            }
            objects.add(set);
            for (TechniqueUse t : a.techniques()) {
                String apId = "attack-pattern--" + uuid5("technique:" + t.id());
                if (written.add(apId)) {
                    ObjectNode ap = common("attack-pattern", apId, now);
                    ap.put("name", t.name() == null ? t.id() : t.name());
                    ObjectNode r = ap.putArray("external_references").addObject();
                    r.put("source_name", "mitre-attack");
                    r.put("external_id", t.id());
                    r.put("url", "https://attack.mitre.org/techniques/" + t.id().replace('.', '/') + "/");
                    objects.add(ap);
                }
                objects.add(uses(setId, apId, t.sources(), now));
            }
            for (SoftwareUse s : a.software()) {
                String swId = "malware--" + uuid5("software:" + (s.attackId() != null ? s.attackId() : Names.key(s.name())));
                if (written.add(swId)) {
                    ObjectNode sw = common("malware", swId, now);
                    sw.put("name", s.name());
                    sw.put("is_family", true);
                    if (s.attackId() != null) {
                        ObjectNode r = sw.putArray("external_references").addObject();
                        r.put("source_name", "mitre-attack");
                        r.put("external_id", s.attackId());
                    }
                    objects.add(sw);
                }
                objects.add(uses(setId, swId, s.sources(), now));
            }
        }
        return bundle;
    }

    private static ObjectNode uses(String from, String to, List<String> sources, String now) {
        ObjectNode rel = common("relationship", "relationship--" + uuid5("uses:" + from + ":" + to), now);
        rel.put("relationship_type", "uses");
        rel.put("source_ref", from);
        rel.put("target_ref", to);
        rel.put("description", "Sources: " + String.join(", ", sources));
        return rel;
    }

    private static ObjectNode common(String type, String id, String now) {
        ObjectNode o = F.objectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", now);
        o.put("modified", now);
        o.put("created_by_ref", KAHU_IDENTITY);
        return o;
    }

    private static String motivation(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "espionage" -> "organizational-gain";
            case "financial" -> "personal-gain";
            case "sabotage", "disruption" -> "dominance";
            case "influence" -> "ideology";
            default -> "unpredictable";
        };
    }

    static UUID uuid5(String name) {
        return kahu.stix.id.StixIds.uuidV5(KAHU_NAMESPACE, name);
    }
}
