package kahu.detect.sigma;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded and compiled Sigma detection rule.
 *
 * @param name       the optional v2 {@code name} that correlations and filters may refer to
 * @param techniques ATT&CK technique IDs from {@code attack.tNNNN[.NNN]} tags, upper-case
 * @param targets    the Windows channels / event IDs (or other log keys) the rule applies to
 * @param notes      what compiling decided that an analyst should know (e.g. an empty placeholder)
 */
public record SigmaRule(String id, String name, String title, String level, String status, String author, List<String> tags,
                        List<String> techniques, LogSource logsource, Path file, Matcher detection,
                        List<LogSources.Target> targets, List<String> notes) {
    public SigmaRule {
        tags = List.copyOf(tags);
        techniques = List.copyOf(techniques);
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }

    /** The detection alone on an event, whatever its log source (the engine checks that first). */
    public boolean matches(kahu.ingest.Event e) {
        return detection.matches(e);
    }

    /** The same rule with a Sigma filter's condition added (AND), e.g. environment-specific tuning. */
    SigmaRule withFilter(SigmaFilter f) {
        List<String> n = new java.util.ArrayList<>(notes);
        n.add("filtered by " + (f.id() != null ? f.id() : f.title()) + " (" + f.file() + ")");
        return new SigmaRule(id, name, title, level, status, author, tags, techniques, logsource, file,
                new Matcher.And(List.of(detection, f.condition())), targets, n);
    }
}
