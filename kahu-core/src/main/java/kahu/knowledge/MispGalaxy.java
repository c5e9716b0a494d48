package kahu.knowledge;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads MISP galaxy threat-actor clusters ({@code clusters/threat-actor.json}) into actor records.
 *
 * <p>A cluster's synonyms become aliases; an ATT&CK group ID among them (e.g. {@code G0065}) links
 * the record to that group. {@code meta.country} and {@code cfr-suspected-state-sponsor} give the
 * sponsoring state (MISP names no agency). {@code related} entries of type {@code similar} become
 * weak "possibly the same as" links.
 */
final class MispGalaxy {
    private MispGalaxy() {}

    /** True for a cluster file (as opposed to a galaxy definition or a schema). */
    static boolean isCluster(JsonNode root) {
        return root.isObject() && root.path("values").isArray() && root.has("uuid") && root.has("type");
    }

    static boolean isThreatActorCluster(JsonNode root) {
        return isCluster(root) && "threat-actor".equals(root.path("type").asText());
    }

    /** One record per cluster value; values without a name or uuid go to {@code problems}. */
    static List<ActorRecord> records(JsonNode root, String source, List<String> problems) {
        List<ActorRecord> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        int index = 0;
        for (JsonNode v : root.path("values")) {
            index++;
            String name = v.path("value").asText(null), uuid = v.path("uuid").asText(null);
            if (name == null || name.isBlank() || uuid == null) {
                problems.add(source + ": values[" + (index - 1) + "]: a cluster value needs 'value' and 'uuid'");
                continue;
            }
            if (!seen.add(uuid)) {
                problems.add(source + ": values[" + (index - 1) + "] (" + name + "): duplicate uuid " + uuid);
                continue;
            }
            out.add(record(v, name, uuid));
        }
        return out;
    }

    private static ActorRecord record(JsonNode v, String name, String uuid) {
        String recordId = Origins.MISP + ":" + uuid;
        List<String> src = List.of(recordId);
        JsonNode meta = v.path("meta");
        String attackId = null;
        List<Alias> aliases = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(Names.key(name));
        for (JsonNode s : meta.path("synonyms")) {
            String syn = s.asText().strip();
            if (Names.isAttackGroupId(syn)) {
                if (attackId == null) attackId = syn;
                continue;
            }
            if (!syn.isEmpty() && seen.add(Names.key(syn))) aliases.add(new Alias(syn, "MISP galaxy", src));
        }
        String country = meta.path("country").asText(null);
        String sponsorName = meta.path("cfr-suspected-state-sponsor").asText(null);
        Sponsor sponsor = null;
        if (sponsorName != null || (country != null && country.length() == 2)) {
            sponsor = new Sponsor(country == null ? null : country.toUpperCase(Locale.ROOT), sponsorName, null, src);
        }
        List<Fact> sectors = new ArrayList<>();
        for (JsonNode s : meta.path("targeted-sector")) sectors.add(new Fact(s.asText().toLowerCase(Locale.ROOT), src));
        List<Fact> victims = new ArrayList<>();
        for (JsonNode s : meta.path("cfr-suspected-victims")) victims.add(new Fact(s.asText(), src));
        Fact motivation = meta.hasNonNull("cfr-type-of-incident")
                ? new Fact(meta.get("cfr-type-of-incident").asText().toLowerCase(Locale.ROOT), src) : null;
        List<String> similar = new ArrayList<>();
        for (JsonNode r : v.path("related")) {
            if ("similar".equals(r.path("type").asText()) && r.hasNonNull("dest-uuid")) {
                similar.add(Origins.MISP + ":" + r.get("dest-uuid").asText());
            }
        }
        String url = meta.path("refs").isArray() && !meta.path("refs").isEmpty() ? meta.path("refs").get(0).asText() : null;
        Reference ref = new Reference(recordId, "MISP galaxy threat-actor cluster: " + name, "MISP galaxy", null, url);
        ActorKind kind = sponsor != null ? ActorKind.STATE_SPONSORED : ActorKind.UNKNOWN;
        return new ActorRecord(recordId, Origins.MISP, name, attackId, null, false, kind, null, aliases, sponsor,
                motivation, null, null, null, sectors, countriesOnly(victims), List.of(), List.of(), List.of(), List.of(),
                List.of(ref), similar);
    }

    /** MISP lists victims by country name; keep those that name a country, as ISO codes. */
    private static List<Fact> countriesOnly(List<Fact> victims) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : victims) {
            String code = Countries.codeOf(f.value());
            if (code != null) out.add(new Fact(code, f.sources()));
        }
        return out;
    }
}
