package kahu.detect.ioc;

import kahu.ingest.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The full-pattern indicators of a feed (those the fast set cannot hold) evaluated over a sequence of
 * log events, each match naming the indicator (source, actor) and the events that satisfied it.
 * Events are mapped to observations once and shared by every pattern.
 */
public final class PatternMatches {
    private PatternMatches() {}

    /** @param events the events in the order they happened (FOLLOWEDBY compares their timestamps) */
    public record PatternMatch(PatternIndicator indicator, List<Event> events) {
        public PatternMatch {
            events = List.copyOf(events);
        }
    }

    public static List<PatternMatch> over(List<PatternIndicator> patterns, List<Event> events) {
        List<Observation> observations = events.stream().map(EventObjects::observation).toList();
        List<PatternMatch> out = new ArrayList<>();
        for (PatternIndicator p : patterns) {
            Optional<List<Integer>> m = PatternEvaluator.firstMatch(p.pattern(), observations);
            if (m.isEmpty()) continue;
            List<Event> matched = m.get().stream().map(events::get).toList();
            Event first = matched.getFirst();
            boolean valid = first.timestamp() == null
                    || (p.validFrom() == null || !first.timestamp().isBefore(p.validFrom()))
                    && (p.validUntil() == null || first.timestamp().isBefore(p.validUntil()));
            if (valid) out.add(new PatternMatch(p, matched));
        }
        return out;
    }
}
