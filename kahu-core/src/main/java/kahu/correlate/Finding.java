package kahu.correlate;

import kahu.detect.Detection;

import java.time.Instant;
import java.util.List;

/**
 * A detection placed: its stable id (the same log line and rule give the same id, so re-ingesting adds
 * nothing, also from another folder: see {@link #idOf}), the organisation it belongs to, what its rule
 * says beyond techniques (software, CVEs) and how far the intrusion had got.
 */
public record Finding(String id, String organisation, String host, Detection detection, List<String> software, List<String> cves,
                      Stage stage) {
    public Finding {
        software = List.copyOf(software);
        cves = List.copyOf(cves);
    }

    /** @param host the detection's host, or the registered host its file lies under (web-shell files) */
    public static Finding of(Organisation org, String host, Detection d, List<String> software, List<String> cves) {
        return new Finding(idOf(org.id(), host, d), org.id(), host, d, software, cves, Stage.of(d.engine(), d.techniques(), cves));
    }

    public Instant time() {
        return detection.timestamp();
    }

    /**
     * sha-256 of engine, rule, organisation, host and where on that host the record lies, 32 hex digits.
     * The place is the location's part below the folder named after the host or the organisation
     * ({@link SourcePlace}), so that the same logs read again from another folder (a copy, a triage
     * package unpacked twice, a second {@code kahu demo --out}) give the same ids and add nothing, while
     * two files of one server (two IIS sites' {@code u_ex210301.log}, a web shell dropped in two folders)
     * stay apart.
     */
    public static String idOf(String organisation, String host, Detection d) {
        return Ids.sha256Hex(d.engine() + '\n' + d.ruleId() + '\n' + organisation + '\n' + (host == null ? "" : host) + '\n'
                + SourcePlace.of(d.location(), organisation, host), 16);
    }
}
