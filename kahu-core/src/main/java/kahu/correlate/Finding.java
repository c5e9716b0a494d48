package kahu.correlate;

import kahu.detect.Detection;

import java.time.Instant;
import java.util.List;

/**
 * A detection placed: its stable id (the same log line and rule give the same id, so re-ingesting adds
 * nothing), the organisation it belongs to, what its rule says beyond techniques (software, CVEs) and
 * how far the intrusion had got.
 */
public record Finding(String id, String organisation, String host, Detection detection, List<String> software, List<String> cves,
                      Stage stage) {
    public Finding {
        software = List.copyOf(software);
        cves = List.copyOf(cves);
    }

    /** @param host the detection's host, or the registered host its file lies under (web-shell files) */
    public static Finding of(Organisation org, String host, Detection d, List<String> software, List<String> cves) {
        return new Finding(idOf(d), org.id(), host, d, software, cves, Stage.of(d.engine(), d.techniques(), cves));
    }

    public Instant time() {
        return detection.timestamp();
    }

    /** sha-256 of engine, rule and location, 32 hex digits. */
    public static String idOf(Detection d) {
        return Ids.sha256Hex(d.engine() + '\n' + d.ruleId() + '\n' + d.location(), 16);
    }
}
