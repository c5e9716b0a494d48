package kahu.correlate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Detections at one organisation and host close in time: one intrusion (or attempt) as an analyst
 * would open a case for it.
 *
 * @param findings the detections, oldest first
 * @param unsure   the ids of findings that show no attacker address or shell and were put here while another
 *                 intruder was also at work on the host (the most recent one with a shell got them): they belong
 *                 to the incident's time and place, but they cannot tie it to a campaign or speak for one
 */
public record Incident(String id, Organisation organisation, String host, Instant first, Instant last,
                       List<Finding> findings, Stage stage, IncidentCategory category, Set<String> unsure) {
    public Incident {
        findings = List.copyOf(findings);
        unsure = Set.copyOf(unsure);
    }

    /** Whether this finding's intruder is certain (see {@link #unsure}). */
    public boolean sure(Finding f) {
        return unsure.isEmpty() || !unsure.contains(f.id());
    }

    public boolean compromised() {
        return stage != Stage.ATTEMPT;
    }

    public List<String> techniques() {
        return findings.stream().flatMap(f -> f.detection().techniques().stream()).distinct().sorted().toList();
    }
}
