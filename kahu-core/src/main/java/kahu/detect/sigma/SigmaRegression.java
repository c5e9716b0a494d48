package kahu.detect.sigma;

import kahu.ingest.Event;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Sigma repository's regression tests ({@code regression_data/**}/{@code info.yml}): each
 * names a rule by id and an EVTX file ({@code path} relative to the repository root) with its
 * expected match count, 1 when absent. Only {@code type: evtx} tests are run.
 */
public final class SigmaRegression {
    private SigmaRegression() {}

    /** The cases under a directory; an unreadable info.yml is reported as a case that cannot pass. */
    public static List<RegressionCase> cases(Path dir) {
        List<Path> infos;
        try (Stream<Path> s = Files.walk(dir)) {
            infos = s.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<RegressionCase> out = new ArrayList<>();
        for (Path info : infos) out.addAll(casesOf(info, dir));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<RegressionCase> casesOf(Path info, Path dir) {
        Map<String, Object> doc;
        try {
            doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(info));
        } catch (IOException | YamlEngineException | ClassCastException e) {
            return List.of(new RegressionCase(info, "?", "unreadable info.yml: " + e.getMessage(), info, 1));
        }
        List<Map<String, Object>> rules = (List<Map<String, Object>>) doc.getOrDefault("rule_metadata", List.of());
        List<Map<String, Object>> tests = doc.get("regression_tests_info") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        List<RegressionCase> out = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            for (Map<String, Object> t : tests) {
                if (!"evtx".equals(String.valueOf(t.get("type")))) continue;
                long expected = t.get("match_count") instanceof Number n ? n.longValue() : 1;
                out.add(new RegressionCase(info, String.valueOf(rule.get("id")), String.valueOf(rule.get("title")),
                        resolve(info, dir, String.valueOf(t.get("path"))), expected));
            }
        }
        return out;
    }

    /** {@code path} is relative to the Sigma repository root: the nearest ancestor where it exists. */
    private static Path resolve(Path info, Path dir, String path) {
        for (Path p = info.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(path))) return p.resolve(path).normalize();
        }
        Path beside = info.resolveSibling(Path.of(path).getFileName());
        return Files.exists(beside) ? beside : dir.resolve(path);
    }

    public static RegressionReport run(List<RegressionCase> cases, SigmaEngine engine, EventSource source) {
        java.util.Set<String> loaded = new java.util.HashSet<>();
        for (SigmaRule r : engine.rules()) loaded.add(r.id());
        List<RegressionReport.Failure> failed = new ArrayList<>();
        int passed = 0;
        for (RegressionCase c : cases) {
            if (!loaded.contains(c.ruleId())) {
                failed.add(new RegressionReport.Failure(c.ruleId(), c.evtx().toString(), c.expected(), -1, "rule not loaded"));
                continue;
            }
            List<Event> events;
            try {
                events = source.events(c.evtx());
            } catch (IOException | RuntimeException e) {
                failed.add(new RegressionReport.Failure(c.ruleId(), c.evtx().toString(), c.expected(), -1, "log not readable: " + e.getMessage()));
                continue;
            }
            long[] count = {0};
            for (Event e : events) engine.match(e, m -> {
                if (c.ruleId().equals(m.rule().id())) count[0]++;
            });
            if (count[0] == c.expected()) passed++;
            else failed.add(new RegressionReport.Failure(c.ruleId(), c.evtx().toString(), c.expected(), count[0], "count differs"));
        }
        return new RegressionReport(cases.size(), passed, failed, source.description());
    }
}
