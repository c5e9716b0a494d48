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
import java.util.stream.Stream;

/**
 * Loads Sigma files ({@code .yml}/{@code .yaml}, recursively): detection rules, correlation rules
 * and filters, one or several YAML documents per file. A file is loaded whole or rejected with
 * every problem found in all its documents; it never half-loads.
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

    /**
     * Placeholder values from a YAML file: a map of name (without percent signs) to a value or a
     * list of values, e.g. {@code Administrators: [alice, bob]}. Every bad entry is reported at once.
     */
    public static Map<String, List<String>> readPlaceholders(Path file) throws IOException {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(Files.readString(file));
        } catch (YamlEngineException e) {
            throw new IOException(file + ": YAML: " + e.getMessage().replaceAll("\\s+", " ").trim(), e);
        }
        if (!(doc instanceof Map<?, ?> map)) throw new IOException(file + ": not a map of placeholder name to values");
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        map.forEach((k, v) -> {
            switch (v) {
                case List<?> l when l.stream().noneMatch(x -> x == null || x instanceof Map<?, ?> || x instanceof List<?>) ->
                        out.put(String.valueOf(k), l.stream().map(String::valueOf).toList());
                case String str -> out.put(String.valueOf(k), List.of(str));
                case Number n -> out.put(String.valueOf(k), List.of(String.valueOf(n)));
                case null, default -> problems.add("'" + k + "' is not a value or a list of values");
            }
        });
        if (!problems.isEmpty()) throw new IOException(file + ": " + String.join("; ", problems));
        return out;
    }

    /** Loads with no placeholder values: {@code expand} items cannot match (said in each rule's notes). */
    public static LoadResult load(Path... dirs) {
        return new SigmaRuleLoader(Map.of()).loadAll(dirs);
    }

    public LoadResult loadAll(Path... dirs) {
        List<SigmaRule> rules = new ArrayList<>();
        List<SigmaCorrelation> correlations = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path file : files(dir)) {
                try {
                    FileContent c = parseFile(file, Files.readString(file));
                    rules.addAll(c.rules());
                    correlations.addAll(c.correlations());
                    filters.addAll(c.filters());
                } catch (RuleException e) {
                    rejected.add(new Rejection(file, e.getMessage()));
                } catch (IOException e) {
                    rejected.add(new Rejection(file, "unreadable: " + e.getMessage()));
                }
            }
        }
        return new LoadResult(rules, correlations, filters, rejected);
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

    /** Thrown with every problem of a file joined, so the rejection says all that is wrong at once. */
    public static final class RuleException extends Exception {
        RuleException(String message) {
            super(message);
        }
    }

    /** The documents of one file. */
    public record FileContent(List<SigmaRule> rules, List<SigmaCorrelation> correlations, List<SigmaFilter> filters) {}

    /** Parses and compiles a file holding exactly one detection rule. */
    public SigmaRule parse(Path file, String yaml) throws RuleException {
        FileContent c = parseFile(file, yaml);
        if (c.rules().size() != 1 || !c.correlations().isEmpty() || !c.filters().isEmpty()) {
            throw new RuleException("expected one detection rule");
        }
        return c.rules().getFirst();
    }

    /** Parses and compiles every document of a file; any problem in any document rejects the file. */
    public FileContent parseFile(Path file, String yaml) throws RuleException {
        List<Object> docs = new ArrayList<>();
        try {
            new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadAllFromString(yaml).forEach(d -> {
                if (d != null) docs.add(d);
            });
        } catch (YamlEngineException e) {
            throw new RuleException("YAML: " + e.getMessage().replaceAll("\\s+", " ").trim());
        }
        if (docs.isEmpty()) throw new RuleException("empty file");
        List<String> problems = new ArrayList<>();
        List<SigmaRule> rules = new ArrayList<>();
        List<SigmaCorrelation> correlations = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String where = docs.size() > 1 ? "document " + (i + 1) + ": " : "";
            if (!(docs.get(i) instanceof Map<?, ?> doc)) {
                problems.add(where + "not a YAML map");
                continue;
            }
            List<String> p = new ArrayList<>();
            if (doc.containsKey("action")) {
                p.add("'action' (Sigma v1 rule collections) is not supported");
            } else if (doc.containsKey("correlation")) {
                SigmaCorrelation c = CorrelationParser.parse(doc, file, p);
                if (p.isEmpty()) correlations.add(c);
            } else if (doc.containsKey("filter")) {
                SigmaFilter f = filter(doc, file, p);
                if (p.isEmpty()) filters.add(f);
            } else {
                SigmaRule r = rule(doc, file, p);
                if (p.isEmpty()) rules.add(r);
            }
            for (String x : p) problems.add(where + x);
        }
        if (!problems.isEmpty()) throw new RuleException(String.join("; ", problems));
        return new FileContent(rules, correlations, filters);
    }

    private SigmaRule rule(Map<?, ?> rule, Path file, List<String> problems) {
        String title = text(rule, "title");
        if (title == null) problems.add("missing 'title'");
        LogSource source = logsource(rule, problems);
        if (!(rule.get("detection") instanceof Map<?, ?> detection)) {
            problems.add("missing 'detection' map");
            return null;
        }
        CompileContext cx0 = new CompileContext(f -> new String[] {f}, placeholders);
        List<LogSources.Target> targets = source == null ? List.of() : logSources.targets(source, cx0);
        CompileContext cx = new CompileContext(f -> logSources.fieldNames(f, targets, source), placeholders);
        cx.problems.addAll(cx0.problems);
        cx.notes.addAll(cx0.notes);
        Matcher detectionMatcher = DetectionCompiler.compile(detection, cx);
        problems.addAll(cx.problems);
        if (!problems.isEmpty()) return null;

        List<String> tags = rule.get("tags") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        List<String> techniques = new ArrayList<>();
        for (String t : tags) {
            java.util.regex.Matcher m = TECHNIQUE.matcher(t.toLowerCase(Locale.ROOT));
            if (m.matches() && !techniques.contains(m.group(1).toUpperCase(Locale.ROOT))) techniques.add(m.group(1).toUpperCase(Locale.ROOT));
        }
        String author = rule.get("author") == null ? null : String.valueOf(rule.get("author"));
        return new SigmaRule(text(rule, "id"), text(rule, "name"), title, text(rule, "level"), text(rule, "status"), author,
                tags, techniques, source, file, detectionMatcher, targets, cx.notes);
    }

    private SigmaFilter filter(Map<?, ?> doc, Path file, List<String> problems) {
        String title = text(doc, "title");
        if (title == null) problems.add("missing 'title'");
        LogSource source = logsource(doc, problems);
        if (!(doc.get("filter") instanceof Map<?, ?> filter)) {
            problems.add("'filter' is not a map");
            return null;
        }
        List<String> rules = filter.get("rules") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : filter.get("rules") != null ? List.of(String.valueOf(filter.get("rules"))) : List.of();
        if (rules.isEmpty()) problems.add("filter names no rules");
        Map<Object, Object> detection = new java.util.LinkedHashMap<>(filter);
        detection.remove("rules");
        CompileContext cx0 = new CompileContext(f -> new String[] {f}, placeholders);
        List<LogSources.Target> targets = source == null ? List.of() : logSources.targets(source, cx0);
        CompileContext cx = new CompileContext(f -> logSources.fieldNames(f, targets, source), placeholders);
        Matcher condition = DetectionCompiler.compile(detection, cx);
        problems.addAll(cx.problems);
        return problems.isEmpty() ? new SigmaFilter(text(doc, "id"), title, source, rules, condition, file) : null;
    }

    private static LogSource logsource(Map<?, ?> doc, List<String> problems) {
        if (doc.get("logsource") instanceof Map<?, ?> ls) return new LogSource(text(ls, "product"), text(ls, "category"), text(ls, "service"));
        problems.add("missing 'logsource' map");
        return null;
    }

    static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
