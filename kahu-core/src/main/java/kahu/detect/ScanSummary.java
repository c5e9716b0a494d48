package kahu.detect;

import java.util.List;
import java.util.Map;

/**
 * What a scan did: how much it read, what it skipped and why (file and line or record), and the
 * detections counted by rule, level and host for the closing table.
 */
public record ScanSummary(long files, long events, long bytes, long skipped, List<String> problems, long detections,
                          Map<String, Long> byRule, Map<String, Long> byLevel, Map<String, Long> byHost,
                          int rulesLoaded, List<String> rulesRejected, int indicators) {
    public ScanSummary {
        problems = List.copyOf(problems);
        byRule = Map.copyOf(byRule);
        byLevel = Map.copyOf(byLevel);
        byHost = Map.copyOf(byHost);
        rulesRejected = List.copyOf(rulesRejected);
    }
}
