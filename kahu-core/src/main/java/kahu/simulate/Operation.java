package kahu.simulate;

import kahu.knowledge.Actor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One actor's operation against one server: planned from the campaign ({@link Planner}), played out
 * by {@link OperationActivity}, and recorded for the ground truth as its records are written.
 */
final class Operation {
    final String id;
    final Scenario.Campaign campaign;
    final Actor actor;
    final Scenario.ActorSetup setup;
    final int hostIndex;
    final long start;

    boolean compromised;
    final Set<String> techniques = new LinkedHashSet<>();
    final Set<String> infrastructure = new LinkedHashSet<>();
    final List<String[]> webshells = new ArrayList<>(2); // {path relative to the output, Windows path, sha256}
    final List<String> events = new ArrayList<>();
    long first = Long.MAX_VALUE, last = Long.MIN_VALUE;

    Operation(String id, Scenario.Campaign campaign, Actor actor, Scenario.ActorSetup setup, int hostIndex, long start) {
        this.id = id;
        this.campaign = campaign;
        this.actor = actor;
        this.setup = setup;
        this.hostIndex = hostIndex;
        this.start = start;
    }

    /** The curated key the scenario names the actor by (e.g. {@code hafnium}). */
    String actorKey() {
        return setup.key();
    }

    void saw(long time) {
        first = Math.min(first, time);
        last = Math.max(last, time);
    }
}
