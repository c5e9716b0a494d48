package kahu.detect.sigma;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded and compiled Sigma detection rule.
 *
 * @param techniques ATT&CK technique IDs from {@code attack.tNNNN[.NNN]} tags, upper-case
 * @param targets    the Windows channels / event IDs (or other log keys) the rule applies to
 * @param notes      what compiling decided that an analyst should know (e.g. an empty placeholder)
 */
public record SigmaRule(String id, String title, String level, String status, String author, List<String> tags,
                        List<String> techniques, LogSource logsource, Path file, Matcher detection,
                        List<LogSources.Target> targets, List<String> notes) {
    public SigmaRule {
        tags = List.copyOf(tags);
        techniques = List.copyOf(techniques);
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }
}
