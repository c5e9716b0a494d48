package kahu.report;

import kahu.attribution.Assessment;
import kahu.correlate.Campaign;
import kahu.correlate.Incident;
import kahu.investigate.InvestigationResult;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What every report shows, computed once: who each incident and campaign is put down to, and the tallies. */
final class ReportView {
    final InvestigationResult result;
    final Map<String, String> actorOfIncident = new LinkedHashMap<>();
    private final Map<String, Campaign> campaignOf = new java.util.HashMap<>();

    ReportView(InvestigationResult result) {
        this.result = result;
        for (Campaign c : result.campaigns()) for (Incident i : c.incidents()) campaignOf.put(i.id(), c);
        for (Incident i : result.incidents()) actorOfIncident.put(i.id(), AttributionWords.leadLabel(attributionFor(i)));
    }

    /** The assessment that speaks for an incident: its campaign's when it has one (pooled evidence), else its own. */
    Assessment attributionFor(Incident i) {
        Campaign c = campaignOf.get(i.id());
        Assessment a = c == null ? null : result.assessments().get(c.id());
        return a != null ? a : result.assessments().get(i.id());
    }

    /** actor → sector → incidents (compromises only). */
    Map<String, Map<String, Integer>> byActorAndSector() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (Incident i : result.incidents()) {
            if (!i.compromised()) continue;
            String sector = i.organisation().sector() == null ? "unknown" : i.organisation().sector();
            out.computeIfAbsent(actorOfIncident.get(i.id()), k -> new TreeMap<>()).merge(sector, 1, Integer::sum);
        }
        return out;
    }

    List<Incident> incidentsBySeverity() {
        return result.incidents().stream().sorted(Comparator.comparingInt((Incident i) -> i.category().category())
                .thenComparing(Incident::first)).toList();
    }
}
