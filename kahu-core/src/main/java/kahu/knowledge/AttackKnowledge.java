package kahu.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns MITRE ATT&CK STIX objects into actor records and the ID catalogue.
 *
 * <p>A group's techniques and software are its own {@code uses} relationships (not those of its
 * campaigns), which is how ATT&CK's group pages count them. Revoked objects are followed through
 * {@code revoked-by}: a relationship to a revoked technique counts for the technique that replaced
 * it, and a revoked group's record points at its successor. Revoked and deprecated relationships
 * are ignored.
 */
final class AttackKnowledge {
    static final String ATTACK_VERSION_LABEL = "MITRE ATT&CK";

    record Result(List<ActorRecord> actors, List<AttackEntry> entries) {}

    private AttackKnowledge() {}

    /**
     * @param objects every object of this import, by STIX id
     * @param lookup  finds an object that is not in this import (already stored), or returns null
     */
    static Result derive(Map<String, ObjectNode> objects, Function<String, ObjectNode> lookup) {
        Map<String, String> revokedBy = new HashMap<>();
        List<ObjectNode> uses = new ArrayList<>();
        for (ObjectNode o : objects.values()) {
            if (!"relationship".equals(text(o, "type")) || isDead(o)) continue;
            switch (text(o, "relationship_type")) {
                case "revoked-by" -> revokedBy.put(text(o, "source_ref"), text(o, "target_ref"));
                case "uses" -> uses.add(o);
                case null, default -> { }
            }
        }
        Function<String, ObjectNode> resolve = id -> {
            ObjectNode o = objects.get(id);
            return o != null ? o : lookup.apply(id);
        };

        // What each piece of software implements (malware/tool → attack-pattern uses).
        Map<String, java.util.TreeSet<String>> softwareTechniques = new HashMap<>();
        for (ObjectNode rel : uses) {
            String src = text(rel, "source_ref");
            if (src == null || !(src.startsWith("malware--") || src.startsWith("tool--"))) continue;
            String targetId = text(rel, "target_ref");
            for (int hops = 0; hops < 8 && revokedBy.containsKey(targetId); hops++) targetId = revokedBy.get(targetId);
            ObjectNode target = resolve.apply(targetId);
            if (target == null || isDead(target) || !"attack-pattern".equals(text(target, "type"))) continue;
            String t = attackId(target);
            if (t != null) softwareTechniques.computeIfAbsent(src, k -> new java.util.TreeSet<>()).add(t);
        }

        List<AttackEntry> entries = new ArrayList<>();
        Map<String, ActorRecordBuilder> groups = new LinkedHashMap<>();
        for (ObjectNode o : objects.values()) {
            String type = text(o, "type");
            AttackEntry.Kind kind = switch (type) {
                case "attack-pattern" -> AttackEntry.Kind.TECHNIQUE;
                case "malware", "tool" -> AttackEntry.Kind.SOFTWARE;
                case "intrusion-set" -> AttackEntry.Kind.GROUP;
                case null, default -> null;
            };
            String extId = attackId(o);
            if (kind == null || extId == null) continue;
            String successor = revokedBy.get(text(o, "id"));
            String successorExt = successor == null ? null : attackId(resolve.apply(successor));
            List<String> implemented = kind == AttackEntry.Kind.SOFTWARE
                    ? List.copyOf(softwareTechniques.getOrDefault(text(o, "id"), new java.util.TreeSet<>())) : List.of();
            List<String> aliases = new ArrayList<>();
            for (JsonNode a : o.path(kind == AttackEntry.Kind.GROUP ? "aliases" : "x_mitre_aliases")) {
                if (!a.asText().equals(text(o, "name"))) aliases.add(a.asText());
            }
            entries.add(new AttackEntry(extId, kind, text(o, "id"), text(o, "name"), successorExt, isDeprecated(o), implemented, aliases));
            if (kind == AttackEntry.Kind.GROUP) groups.put(text(o, "id"), new ActorRecordBuilder(o, extId, successorExt));
        }

        for (ObjectNode rel : uses) {
            ActorRecordBuilder group = groups.get(text(rel, "source_ref"));
            if (group == null || group.revokedBy != null) continue;
            String targetId = text(rel, "target_ref");
            // Follow revocations (a chain is rare but possible).
            for (int hops = 0; hops < 8 && revokedBy.containsKey(targetId); hops++) targetId = revokedBy.get(targetId);
            ObjectNode target = resolve.apply(targetId);
            if (target == null || isDead(target)) continue;
            String targetExt = attackId(target);
            if (targetExt == null) continue;
            switch (text(target, "type")) {
                case "attack-pattern" -> group.techniques.putIfAbsent(targetExt,
                        new TechniqueUse(targetExt, text(target, "name"), List.of(group.sourceKey)));
                case "malware", "tool" -> group.software.putIfAbsent(targetExt,
                        new SoftwareUse(text(target, "name"), targetExt, List.of(group.sourceKey)));
                case null, default -> { }
            }
        }
        List<ActorRecord> actors = groups.values().stream().map(ActorRecordBuilder::build).toList();
        return new Result(actors, entries);
    }

    private static boolean isDead(JsonNode o) {
        return o.path("revoked").asBoolean(false) || isDeprecated(o);
    }

    private static boolean isDeprecated(JsonNode o) {
        return o.path("x_mitre_deprecated").asBoolean(false);
    }

    static String attackId(JsonNode o) {
        if (o == null) return null;
        for (JsonNode ref : o.path("external_references")) {
            if ("mitre-attack".equals(ref.path("source_name").asText()) && ref.hasNonNull("external_id")) {
                return ref.get("external_id").asText();
            }
        }
        return null;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Collects one intrusion set's facts while relationships are walked. */
    private static final class ActorRecordBuilder {
        final ObjectNode group;
        final String attackId;
        final String revokedBy;
        final String sourceKey;
        final Map<String, TechniqueUse> techniques = new LinkedHashMap<>();
        final Map<String, SoftwareUse> software = new LinkedHashMap<>();

        ActorRecordBuilder(ObjectNode group, String attackId, String revokedBy) {
            this.group = group;
            this.attackId = attackId;
            this.revokedBy = revokedBy;
            this.sourceKey = Origins.ATTACK + ":" + attackId;
        }

        ActorRecord build() {
            String name = text(group, "name");
            List<Alias> aliases = new ArrayList<>();
            for (JsonNode a : group.path("aliases")) {
                if (!a.asText().equals(name)) aliases.add(new Alias(a.asText(), ATTACK_VERSION_LABEL, List.of(sourceKey)));
            }
            String url = null;
            for (JsonNode ref : group.path("external_references")) {
                if ("mitre-attack".equals(ref.path("source_name").asText())) url = ref.path("url").asText(null);
            }
            Reference reference = new Reference(sourceKey, name + " (" + attackId + ")", ATTACK_VERSION_LABEL,
                    text(group, "modified"), url);
            Fact first = group.hasNonNull("first_seen") ? new Fact(text(group, "first_seen").substring(0, 10), List.of(sourceKey)) : null;
            Fact last = group.hasNonNull("last_seen") ? new Fact(text(group, "last_seen").substring(0, 10), List.of(sourceKey)) : null;
            List<TechniqueUse> t = new ArrayList<>(techniques.values());
            t.sort(java.util.Comparator.comparing(TechniqueUse::id));
            return new ActorRecord(sourceKey, Origins.ATTACK, name, attackId, revokedBy, isDeprecated(group),
                    ActorKind.UNKNOWN, firstSentence(text(group, "description")), aliases, null, null, first, last, null,
                    List.of(), List.of(), t, List.copyOf(software.values()), List.of(), List.of(), List.of(reference),
                    List.of());
        }

        private static String firstSentence(String description) {
            if (description == null) return null;
            String plain = description.replaceAll("\\[([^]]+)]\\([^)]*\\)", "$1").replaceAll("\\(Citation:[^)]*\\)", "").strip();
            int dot = plain.indexOf(". ");
            return dot > 0 ? plain.substring(0, dot + 1) : plain;
        }
    }
}
