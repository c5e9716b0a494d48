package kahu.knowledge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The JSON contract of {@code kahu kb actor --format json} (one object per actor; see the README). */
public final class ActorViews {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ActorViews() {}

    public static ArrayNode toJson(List<Actor> actors) {
        ArrayNode out = F.arrayNode();
        for (Actor a : actors) out.add(toJson(a));
        return out;
    }

    public static ObjectNode toJson(Actor a) {
        ObjectNode o = F.objectNode();
        o.put("key", a.key());
        o.put("name", a.name());
        o.put("attack_id", a.attackId());
        o.put("kind", a.kind().label());
        o.put("summary", a.summary());
        ArrayNode aliases = o.putArray("aliases");
        ArrayNode aliasDetail = F.arrayNode();
        for (Alias al : a.aliases()) {
            aliases.add(al.name());
            ObjectNode d = aliasDetail.addObject();
            d.put("name", al.name());
            d.put("by", al.by());
            strings(d.putArray("sources"), al.sources());
        }
        o.set("alias_sources", aliasDetail);
        if (a.sponsor() == null) {
            o.putNull("sponsor");
        } else {
            ObjectNode s = o.putObject("sponsor");
            s.put("country", a.sponsor().country());
            s.put("country_name", a.sponsor().countryName() != null ? a.sponsor().countryName()
                    : a.sponsor().country() == null ? null : Countries.nameOf(a.sponsor().country()));
            s.put("agency", a.sponsor().agency());
            strings(s.putArray("sources"), a.sponsor().sources());
        }
        fact(o, "motivation", a.motivation());
        fact(o, "first_seen", a.firstSeen());
        fact(o, "last_seen", a.lastSeen());
        fact(o, "timezone", a.timezone());
        facts(o.putArray("sectors"), a.sectors());
        facts(o.putArray("countries"), a.countries());
        ArrayNode techniques = o.putArray("techniques");
        for (TechniqueUse t : a.techniques()) {
            ObjectNode n = techniques.addObject();
            n.put("id", t.id());
            n.put("name", t.name());
            strings(n.putArray("sources"), t.sources());
        }
        ArrayNode software = o.putArray("software");
        for (SoftwareUse s : a.software()) {
            ObjectNode n = software.addObject();
            n.put("name", s.name());
            n.put("attack_id", s.attackId());
            strings(n.putArray("sources"), s.sources());
        }
        facts(o.putArray("exploits"), a.exploits());
        ArrayNode infra = o.putArray("infrastructure");
        for (KnownIndicator i : a.infrastructure()) {
            ObjectNode n = infra.addObject();
            n.put("type", i.type());
            n.put("value", i.value());
            n.put("valid_from", i.validFrom() == null ? null : i.validFrom().toString());
            n.put("valid_until", i.validUntil() == null ? null : i.validUntil().toString());
            strings(n.putArray("sources"), i.sources());
        }
        ArrayNode links = o.putArray("possibly_same_as");
        for (Actor.ActorLink l : a.possiblySameAs()) {
            ObjectNode n = links.addObject();
            n.put("key", l.actorKey());
            n.put("name", l.actorName());
            n.put("reason", l.reason());
        }
        strings(o.putArray("records"), a.recordIds());
        ArrayNode sources = o.putArray("sources");
        for (Reference r : a.references()) {
            ObjectNode n = sources.addObject();
            n.put("key", r.key());
            n.put("title", r.title());
            n.put("publisher", r.publisher());
            n.put("date", r.date());
            n.put("url", r.url());
        }
        return o;
    }

    private static void fact(ObjectNode o, String field, Fact f) {
        if (f == null) {
            o.putNull(field);
            return;
        }
        ObjectNode n = o.putObject(field);
        n.put("value", f.value());
        strings(n.putArray("sources"), f.sources());
    }

    private static void facts(ArrayNode arr, List<Fact> facts) {
        for (Fact f : facts) {
            ObjectNode n = arr.addObject();
            n.put("value", f.value());
            strings(n.putArray("sources"), f.sources());
        }
    }

    private static void strings(ArrayNode arr, List<String> values) {
        for (String v : values) arr.add(v);
    }
}
