package kahu.correlate;

import java.time.Instant;
import java.util.List;

/**
 * Detections at one organisation and host close in time: one intrusion (or attempt) as an analyst
 * would open a case for it.
 *
 * @param findings the detections, oldest first
 */
public record Incident(String id, Organisation organisation, String host, Instant first, Instant last,
                       List<Finding> findings, Stage stage, IncidentCategory category) {
    public Incident {
        findings = List.copyOf(findings);
    }

    public boolean compromised() {
        return stage != Stage.ATTEMPT;
    }

    public List<String> techniques() {
        return findings.stream().flatMap(f -> f.detection().techniques().stream()).distinct().sorted().toList();
    }
}
