package kahu.investigate;

import kahu.attribution.Assessment;
import kahu.correlate.Campaign;
import kahu.correlate.Incident;
import kahu.correlate.Organisation;
import kahu.detect.ScanSummary;

import java.util.List;
import java.util.Map;

/**
 * What one {@code kahu investigate} found, over everything stored (this run's logs and earlier ones).
 *
 * @param newDetections detections this run added to the store (0 when the same logs are read again)
 * @param assessments   by incident or campaign id
 * @param tooCommon     values left out of campaign linking because too many organisations had them
 * @param problems      inputs that failed or were skipped, with file and line or record
 * @param seconds       wall time of each step
 */
public record InvestigationResult(List<String> inputs, Map<String, Organisation> organisations, ScanSummary scan,
                                  long newDetections, long storedDetections, List<Incident> incidents, List<Campaign> campaigns,
                                  Map<String, Assessment> assessments, Map<String, Integer> tooCommon, List<String> problems,
                                  Statistics statistics, Map<String, Double> seconds) {
    public InvestigationResult {
        inputs = List.copyOf(inputs);
        incidents = List.copyOf(incidents);
        campaigns = List.copyOf(campaigns);
        problems = List.copyOf(problems);
    }

    /** Organisations with at least one incident that got past an attempt. */
    public List<Organisation> affected() {
        return incidents.stream().filter(Incident::compromised).map(Incident::organisation).distinct().toList();
    }
}
