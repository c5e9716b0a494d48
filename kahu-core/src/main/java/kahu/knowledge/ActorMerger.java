package kahu.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Merges the records of one actor into an {@link Actor}. Facts are united, never overwritten:
 * the same technique from ATT&CK and from a curated file becomes one entry with both sources.
 * For single-valued facts the curated file wins (it carries an agency and dates), then ATT&CK,
 * then MISP; for the name, ATT&CK's primary name wins, as it is the most widely used.
 */
final class ActorMerger {
    private ActorMerger() {}

    private static int namePriority(ActorRecord r) {
        if (r.origin().equals(Origins.ATTACK) && r.revokedBy() == null) return 0;
        if (r.origin().equals(Origins.KAHU)) return 1;
        if (r.origin().equals(Origins.MISP)) return 2;
        return 3;
    }

    private static int factPriority(ActorRecord r) {
        return switch (r.origin()) {
            case Origins.KAHU -> 0;
            case Origins.ATTACK -> r.revokedBy() == null ? 1 : 4;
            case Origins.MISP -> 2;
            default -> 3;
        };
    }

    static Actor merge(List<ActorRecord> records) {
        List<ActorRecord> byName = new ArrayList<>(records);
        byName.sort(Comparator.comparingInt(ActorMerger::namePriority).thenComparing(ActorRecord::recordId));
        List<ActorRecord> byFact = new ArrayList<>(records);
        byFact.sort(Comparator.comparingInt(ActorMerger::factPriority).thenComparing(ActorRecord::recordId));
        ActorRecord lead = byName.getFirst();

        String attackId = null;
        for (ActorRecord r : byName) {
            if (r.attackId() != null && r.revokedBy() == null) { attackId = r.attackId(); break; }
        }
        if (attackId == null) {
            for (ActorRecord r : byName) if (r.revokedBy() != null) { attackId = r.revokedBy(); break; }
        }

        // Aliases: every name of every record but the one shown, one entry per normalised name.
        Map<String, Alias> aliases = new LinkedHashMap<>();
        String leadKey = Names.key(lead.name());
        for (ActorRecord r : byFact) {
            List<String> recordSources = r.origin().equals(Origins.KAHU) ? List.of() : List.of(r.recordId());
            if (!Names.key(r.name()).equals(leadKey)) {
                addAlias(aliases, new Alias(r.name(), Origins.describe(r.origin()), sourcesOr(r, recordSources)));
            }
            for (Alias a : r.aliases()) {
                if (!Names.key(a.name()).equals(leadKey)) addAlias(aliases, a);
            }
        }

        Sponsor sponsor = first(byFact, ActorRecord::sponsor);
        ActorKind kind = ActorKind.UNKNOWN;
        for (ActorRecord r : byFact) if (r.kind() != ActorKind.UNKNOWN) { kind = r.kind(); break; }
        if (kind == ActorKind.UNKNOWN && sponsor != null) kind = ActorKind.STATE_SPONSORED;

        List<TechniqueUse> techniques = unite(byFact, ActorRecord::techniques, TechniqueUse::id,
                (a, b) -> new TechniqueUse(a.id(), a.name() != null ? a.name() : b.name(), union(a.sources(), b.sources())));
        techniques.sort(Comparator.comparing(TechniqueUse::id));
        List<SoftwareUse> software = unite(byFact, ActorRecord::software,
                s -> s.attackId() != null ? s.attackId() : Names.key(s.name()),
                (a, b) -> new SoftwareUse(a.name(), a.attackId(), union(a.sources(), b.sources())));
        // A curated entry without an ATT&CK ID and an ATT&CK entry of the same name are one piece of software.
        software = dedupeSoftwareByName(software);

        Map<String, Reference> refs = new LinkedHashMap<>();
        for (ActorRecord r : byFact) for (Reference ref : r.references()) refs.putIfAbsent(ref.key(), ref);

        List<String> recordIds = byName.stream().map(ActorRecord::recordId).toList();
        String key = attackId != null ? attackId : byName.getFirst().recordId();
        return new Actor(key, lead.name(), attackId, kind, first(byFact, ActorRecord::summary),
                List.copyOf(aliases.values()), sponsor,
                first(byFact, ActorRecord::motivation), first(byFact, ActorRecord::firstSeen),
                first(byFact, ActorRecord::lastSeen), first(byFact, ActorRecord::timezone),
                facts(byFact, ActorRecord::sectors), facts(byFact, ActorRecord::countries), techniques, software,
                facts(byFact, ActorRecord::exploits),
                unite(byFact, ActorRecord::infrastructure, i -> i.type() + "|" + i.value().toLowerCase(java.util.Locale.ROOT),
                        (a, b) -> new KnownIndicator(a.type(), a.value(), a.validFrom(), a.validUntil(), union(a.sources(), b.sources()))),
                List.copyOf(refs.values()), recordIds, List.of());
    }

    private static List<String> sourcesOr(ActorRecord r, List<String> fallback) {
        return fallback.isEmpty() && !r.references().isEmpty() ? List.of(r.references().getFirst().key()) : fallback;
    }

    private static void addAlias(Map<String, Alias> aliases, Alias a) {
        aliases.merge(Names.key(a.name()), a,
                (x, y) -> new Alias(x.name(), x.by() != null ? x.by() : y.by(), union(x.sources(), y.sources())));
    }

    private static <T> T first(List<ActorRecord> records, Function<ActorRecord, T> f) {
        for (ActorRecord r : records) {
            T v = f.apply(r);
            if (v != null) return v;
        }
        return null;
    }

    private static List<Fact> facts(List<ActorRecord> records, Function<ActorRecord, List<Fact>> f) {
        return unite(records, f, x -> Names.key(x.value()), (a, b) -> new Fact(a.value(), union(a.sources(), b.sources())));
    }

    private static <T> List<T> unite(List<ActorRecord> records, Function<ActorRecord, List<T>> f,
                                     Function<T, String> key, java.util.function.BinaryOperator<T> combine) {
        Map<String, T> out = new LinkedHashMap<>();
        for (ActorRecord r : records) for (T t : f.apply(r)) out.merge(key.apply(t), t, combine);
        return new ArrayList<>(out.values());
    }

    private static List<SoftwareUse> dedupeSoftwareByName(List<SoftwareUse> software) {
        Map<String, SoftwareUse> byName = new LinkedHashMap<>();
        for (SoftwareUse s : software) {
            byName.merge(Names.key(s.name()), s, (a, b) -> new SoftwareUse(a.name(),
                    a.attackId() != null ? a.attackId() : b.attackId(), union(a.sources(), b.sources())));
        }
        return List.copyOf(byName.values());
    }

    static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }
}
