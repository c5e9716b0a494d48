package kahu.simulate;

import kahu.knowledge.Actor;
import kahu.knowledge.Fact;
import kahu.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Decides which campaigns reach an organisation, which of its servers each hits and when: an
 * organisation is eligible when the campaign takes any sector or the organisation's sector is one the
 * actor targets (the knowledge base's {@code sectors} facts); it is hit with the campaign's share.
 * Operations start in the actor's working hours (its {@code timezone} fact, else the scenario's offset).
 */
final class Planner {
    private final Scenario scenario;
    private final long seed;
    private final Map<String, Actor> actors;
    private final Map<String, Set<String>> actorSectors = new java.util.HashMap<>();

    Planner(Scenario scenario, long seed, KnowledgeBase kb) {
        this.scenario = scenario;
        this.seed = seed;
        Map<String, Actor> byKey = new java.util.HashMap<>();
        for (String key : scenario.actors().keySet()) {
            Actor a = kb.lookup("kahu:" + key).getFirst();
            byKey.put(key, a);
            Set<String> sectors = new HashSet<>();
            for (Fact f : a.sectors()) sectors.add(f.value());
            actorSectors.put(key, sectors);
        }
        this.actors = Map.copyOf(byKey);
    }

    Actor actor(String key) {
        return actors.get(key);
    }

    List<Operation> plan(Organisation org, IntSupplier nextOperationNumber) {
        List<Operation> ops = new ArrayList<>();
        List<Scenario.Campaign> campaigns = scenario.campaigns();
        for (int c = 0; c < campaigns.size(); c++) {
            Scenario.Campaign camp = campaigns.get(c);
            Rng r = Rng.of(seed, Rng.PLAN, org.index(), c);
            if (!camp.anySector() && !eligible(org, camp.actor())) continue;
            if (!r.chance(camp.share())) continue;
            Scenario.ActorSetup setup = scenario.actors().get(camp.actor());
            int first = camp.allHosts() ? 0 : r.nextInt(org.hosts().size()), last = camp.allHosts() ? org.hosts().size() - 1 : first;
            long day = camp.from().toEpochDay() + r.nextLong(camp.to().toEpochDay() - camp.from().toEpochDay() + 1);
            for (int h = first; h <= last; h++) {
                long start = workingTime(r, setup, actors.get(camp.actor()), h == first ? day : day + r.nextInt(2));
                ops.add(new Operation(id(nextOperationNumber.getAsInt()), camp, actors.get(camp.actor()), setup, h, start));
            }
        }
        return ops;
    }

    private boolean eligible(Organisation org, String actor) {
        Set<String> targeted = actorSectors.get(actor);
        for (String s : org.kbSectors()) if (targeted.contains(s)) return true;
        return false;
    }

    static String id(int n) {
        String s = Integer.toString(n);
        return "op-" + "0".repeat(Math.max(0, 4 - s.length())) + s;
    }

    /** A UTC time on that day (or the next weekday) within the actor's working hours; any hour for actors without them. */
    static long workingTime(Rng r, Scenario.ActorSetup setup, Actor actor, long epochDay) {
        Integer offset = offsetMinutes(setup, actor);
        if (offset == null) return epochDay * Times.DAY + r.nextLong(Times.DAY);
        long day = epochDay;
        if (setup.weekdays()) {
            while (java.time.LocalDate.ofEpochDay(day).getDayOfWeek().getValue() >= 6) day++;
        }
        long local = day * Times.DAY + setup.fromHour() * Times.HOUR + r.nextLong((setup.toHour() - setup.fromHour()) * Times.HOUR);
        return local - offset * Times.MINUTE;
    }

    /** The knowledge base's working-hours offset for the actor, else the scenario's, else null (around the clock). */
    static Integer offsetMinutes(Scenario.ActorSetup setup, Actor actor) {
        if (actor.timezone() != null && actor.timezone().value() != null) {
            try {
                return java.time.ZoneOffset.of(actor.timezone().value()).getTotalSeconds() / 60;
            } catch (java.time.DateTimeException e) {
                // an unparseable fact falls back to the scenario's assumption
            }
        }
        return setup.utcOffsetMinutes();
    }
}
