package kahu.detect.sigma;

import kahu.ingest.Event;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small rules and events for unit tests. */
final class SigmaTestRules {
    private SigmaTestRules() {}

    /** A process_creation rule with the given detection block (YAML, indented by 4). */
    static SigmaRule rule(String detection) {
        return rule(detection, Map.of());
    }

    static SigmaRule rule(String detection, Map<String, List<String>> placeholders) {
        try {
            return new SigmaRuleLoader(placeholders).parse(Path.of("test.yml"), yaml(detection));
        } catch (SigmaRuleLoader.RuleException e) {
            throw new AssertionError("rejected: " + e.getMessage(), e);
        }
    }

    /** The rejection reason of a rule that must not load. */
    static String rejection(String detection) {
        try {
            new SigmaRuleLoader(Map.of()).parse(Path.of("test.yml"), yaml(detection));
            throw new AssertionError("loaded but should be rejected: " + detection);
        } catch (SigmaRuleLoader.RuleException e) {
            return e.getMessage();
        }
    }

    private static String yaml(String detection) {
        return """
                title: Test
                id: 00000000-0000-0000-0000-000000000001
                level: high
                tags: [attack.execution, attack.t1059.001, attack.t1059]
                logsource:
                    category: process_creation
                    product: windows
                detection:
                """ + detection.stripIndent().lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
    }

    /** A Sysmon process creation event with the given extra fields (name, value, name, value, …). */
    static Event sysmon(Object... nameValues) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Channel", "Microsoft-Windows-Sysmon/Operational");
        f.put("EventID", 1L);
        for (int i = 0; i < nameValues.length; i += 2) f.put((String) nameValues[i], nameValues[i + 1]);
        return new Event("test", 1, "windows-json", null, f, Map.of());
    }

    static boolean matches(String detection, Object... nameValues) {
        return rule(detection).detection().matches(sysmon(nameValues));
    }
}
