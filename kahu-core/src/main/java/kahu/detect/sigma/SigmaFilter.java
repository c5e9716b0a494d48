package kahu.detect.sigma;

import java.nio.file.Path;
import java.util.List;

/**
 * A Sigma filter (specification v2, "global filter"): a condition added with AND to the
 * condition of the rules it names (by id or name, or {@code any}) whose log source it covers,
 * as the reference implementation pySigma does; a filter that suppresses therefore says
 * {@code condition: not selection}.
 */
public record SigmaFilter(String id, String title, LogSource logsource, List<String> rules, Matcher condition, Path file) {
    public SigmaFilter {
        rules = List.copyOf(rules);
    }

    boolean appliesTo(SigmaRule r) {
        boolean named = rules.size() == 1 && rules.getFirst().equalsIgnoreCase("any")
                || rules.contains(r.id()) || (r.name() != null && rules.contains(r.name()));
        return named && covers(logsource.product(), r.logsource().product())
                && covers(logsource.category(), r.logsource().category())
                && covers(logsource.service(), r.logsource().service());
    }

    private static boolean covers(String filter, String rule) {
        return filter == null || filter.equalsIgnoreCase(rule);
    }
}
