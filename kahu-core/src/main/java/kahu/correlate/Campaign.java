package kahu.correlate;

import java.time.Instant;
import java.util.List;

/**
 * Incidents linked by what their attacker left in common.
 *
 * @param links why the incidents belong together: the shared values that joined them, strongest first
 */
public record Campaign(String id, List<Incident> incidents, List<Link> links, Instant first, Instant last) {
    public Campaign {
        incidents = List.copyOf(incidents);
        links = List.copyOf(links);
    }

    /** One shared value and the incidents it joined, with its weight (kind weight × rarity). */
    public record Link(String kind, String value, double weight, List<String> incidents) {
        public Link {
            incidents = List.copyOf(incidents);
        }
    }

    public long organisations() {
        return incidents.stream().map(i -> i.organisation().id()).distinct().count();
    }
}
