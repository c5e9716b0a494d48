package kahu.attribution.bench;

import kahu.knowledge.Actor;
import kahu.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A copy of the knowledge base in which a random share of every actor's technique and software
 * links is hidden, as if Kahu's knowledge lagged behind the actor's tradecraft. Everything else an
 * actor has (names, sponsor, victims, indicators) is kept.
 */
final class HoldOut {
    private HoldOut() {}

    static KnowledgeBase hide(KnowledgeBase full, double share, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Actor> reduced = new ArrayList<>(full.actors().size());
        for (Actor a : full.actors()) {
            reduced.add(new Actor(a.key(), a.name(), a.attackId(), a.kind(), a.summary(), a.aliases(), a.sponsor(),
                    a.motivation(), a.firstSeen(), a.lastSeen(), a.timezone(), a.sectors(), a.countries(),
                    keep(a.techniques(), share, rng), keep(a.software(), share, rng), a.exploits(), a.infrastructure(),
                    a.references(), a.recordIds(), a.possiblySameAs()));
        }
        return KnowledgeBase.of(reduced, full.attackEntries());
    }

    /** All but round(share · size) of the items, chosen at random, in their original order. */
    static <T> List<T> keep(List<T> items, double share, SplittableRandom rng) {
        int hide = (int) Math.round(share * items.size());
        if (hide == 0) return items;
        List<Integer> order = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) order.add(i);
        Collections.shuffle(order, rng);
        boolean[] hidden = new boolean[items.size()];
        for (int i = 0; i < hide; i++) hidden[order.get(i)] = true;
        List<T> kept = new ArrayList<>(items.size() - hide);
        for (int i = 0; i < items.size(); i++) if (!hidden[i]) kept.add(items.get(i));
        return kept;
    }
}
