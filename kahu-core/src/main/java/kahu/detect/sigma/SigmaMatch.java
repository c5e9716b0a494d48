package kahu.detect.sigma;

import kahu.ingest.Event;

import java.util.Map;

/**
 * A rule that matched an event.
 *
 * @param matchedFields the event's fields that a true test of the rule looked at, with their values
 */
public record SigmaMatch(SigmaRule rule, Event event, Map<String, Object> matchedFields) {
    public SigmaMatch {
        matchedFields = Map.copyOf(matchedFields);
    }
}
