package kahu.detect.sigma;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Loads Sigma rule files ({@code .yml}/{@code .yaml}, recursively) and compiles each. A file
 * is loaded whole or rejected with every problem found in it; it never half-loads.
 */
public final class SigmaRuleLoader {
    private static final java.util.regex.Pattern TECHNIQUE = java.util.regex.Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)");

    private final Map<String, List<String>> placeholders;
    private final LogSources logSources;

    /** @param placeholders values for {@code expand} placeholders, by name without the percent signs */
    public SigmaRuleLoader(Map<String, List<String>> placeholders) {
        this.placeholders = Map.copyOf(placeholders);
        this.logSources = LogSources.standard();
    }

    public static LoadResult load(Path... dirs) {
        return new SigmaRuleLoader(Map.of()).loadAll(dirs);
    }

    public LoadResult loadAll(Path... dirs) {
        List<SigmaRule> loaded = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path file : files(dir)) {
                try {
                    loaded.add(parse(file, Files.readString(file)));
                } catch (RuleException e) {
                    rejected.add(new Rejection(file, e.getMessage()));
                } catch (IOException e) {
                    rejected.add(new Rejection(file, "unreadable: " + e.getMessage()));
                }
            }
        }
        return new LoadResult(loaded, rejected);
    }

    private static List<Path> files(Path dir) {
        if (Files.isRegularFile(dir)) return List.of(dir);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Thrown with every problem of a rule joined, so the rejection says all that is wrong at once. */
    static final class RuleException extends Exception {
        RuleException(String message) {
            super(message);
        }
    }

    /** Parses and compiles one rule document. */
    public SigmaRule parse(Path file, String yaml) throws RuleException {
        List<Object> docs = new ArrayList<>();
        try {
            new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadAllFromString(yaml).forEach(docs::add);
        } catch (YamlEngineException e) {
            throw new RuleException("YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (docs.size() != 1 || !(docs.getFirst() instanceof Map<?, ?> rule)) {
            throw new RuleException(docs.size() > 1
                    ? "multi-document rule files (rule collections / correlations) are not supported by the loader"
                    : "not a YAML map");
        }
        if (rule.containsKey("correlation")) throw new RuleException("correlation rule: load with SigmaCorrelations");
        if (rule.containsKey("filter")) throw new RuleException("Sigma filter: not a detection rule");

        List<String> problems = new ArrayList<>();
        String title = text(rule, "title");
        if (title == null) problems.add("missing 'title'");
        LogSource source = rule.get("logsource") instanceof Map<?, ?> ls
                ? new LogSource(text(ls, "product"), text(ls, "category"), text(ls, "service")) : null;
        if (source == null) problems.add("missing 'logsource' map");
        if (!(rule.get("detection") instanceof Map<?, ?> detection)) {
            problems.add("missing 'detection' map");
            throw new RuleException(String.join("; ", problems));
        }
        CompileContext cx0 = new CompileContext(f -> new String[] {f}, placeholders);
        List<LogSources.Target> targets = source == null ? List.of() : logSources.targets(source, cx0);
        CompileContext cx = new CompileContext(f -> logSources.fieldNames(f, targets, source), placeholders);
        cx.problems.addAll(cx0.problems);
        cx.notes.addAll(cx0.notes);
        kahu.detect.sigma.Matcher detectionMatcher = DetectionCompiler.compile(detection, cx);
        problems.addAll(cx.problems);
        if (!problems.isEmpty()) throw new RuleException(String.join("; ", problems));

        List<String> tags = rule.get("tags") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        List<String> techniques = new ArrayList<>();
        for (String t : tags) {
            Matcher m = TECHNIQUE.matcher(t.toLowerCase(Locale.ROOT));
            if (m.matches() && !techniques.contains(m.group(1).toUpperCase(Locale.ROOT))) techniques.add(m.group(1).toUpperCase(Locale.ROOT));
        }
        String author = rule.get("author") == null ? null : String.valueOf(rule.get("author"));
        return new SigmaRule(text(rule, "id"), title, text(rule, "level"), text(rule, "status"), author, tags, techniques,
                source, file, detectionMatcher, targets, cx.notes);
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
