package kahu.detect;

import java.util.List;
import java.util.Map;

/**
 * What a scan did: how much it read, what it skipped and why (file and line or record), and the
 * detections counted by rule, level and host for the closing table.
 *
 * @param skipped       records not read (too long, binary, unparseable, in a damaged EVTX chunk), over all files
 * @param skippedByFile the files with skipped records and how many each; {@code problems} says which and why
 * @param problems      every problem as {@code file:line: reason} (EVTX: {@code file: chunk N, record R: reason})
 * @param peakMemory    the process's peak memory when the scan ended
 */
public record ScanSummary(long files, long events, long bytes, long skipped, List<String> problems, long detections,
                          Map<String, Long> byRule, Map<String, Long> byLevel, Map<String, Long> byHost,
                          int rulesLoaded, List<String> rulesRejected, int indicators,
                          Map<String, Long> skippedByFile, PeakMemory peakMemory) {
    public ScanSummary {
        problems = List.copyOf(problems);
        byRule = Map.copyOf(byRule);
        byLevel = Map.copyOf(byLevel);
        byHost = Map.copyOf(byHost);
        rulesRejected = List.copyOf(rulesRejected);
        skippedByFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skippedByFile)); // in scan order
    }
}
