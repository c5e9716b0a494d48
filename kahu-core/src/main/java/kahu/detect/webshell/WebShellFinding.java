package kahu.detect.webshell;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A page file that looks like a web shell.
 *
 * @param reasons    what in it looked wrong, e.g. "evaluates request data (China Chopper style)"
 * @param techniques ATT&CK techniques the finding is evidence of (T1505.003 Web Shell, …)
 * @param level      Sigma-style level: critical, high, medium, low
 */
public record WebShellFinding(Path file, String sha256, long size, Instant modified, List<String> reasons,
                              List<String> techniques, String level) {
    public WebShellFinding {
        reasons = List.copyOf(reasons);
        techniques = List.copyOf(techniques);
    }
}
