package kahu.cli;

import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.RegressionCase;
import kahu.detect.sigma.RegressionReport;
import kahu.detect.sigma.SigmaEngine;
import kahu.detect.sigma.SigmaRegression;
import kahu.detect.sigma.SigmaRuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code kahu rules test REGRESSION_DIR}: the Sigma repository's regression tests. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the Sigma regression tests (info.yml: rule, EVTX file, expected match count) with every rule loaded. "
                + "Exit 0 when all pass, 1 when some fail or none was found, 2 on bad input.")
final class RulesTestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REGRESSION_DIR", description = "The regression_data directory (or part of it).")
    Path regressionDir;

    @Option(names = "--rules", arity = "1..*", paramLabel = "DIR",
            description = "Rule directories (default: the rules* directories beside REGRESSION_DIR's repository root).")
    List<Path> rules;

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "YAML map of placeholder name to values for 'expand' (default: none, so such items cannot match).")
    Path placeholders;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--no-errata", description = "Judge every case by its declared count, ignoring Kahu's documented corrections (kahu/detect/regression-errata.yaml).")
    boolean noErrata;

    @Option(names = "--events", defaultValue = "evtx",
            description = "evtx (Kahu's own EVTX parser on each case's file) or json (the JSON rendering beside it); default: ${DEFAULT-VALUE}.")
    String events;

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "json").contains(format)) {
            System.err.println("kahu: unknown format " + format + " (text or json)");
            return Main.BAD_INPUT;
        }
        if (!Files.isDirectory(regressionDir)) {
            System.err.println("kahu: " + regressionDir + ": no such directory");
            return Main.BAD_INPUT;
        }
        List<Path> ruleDirs = rules != null ? rules : defaultRuleDirs(regressionDir);
        if (ruleDirs.isEmpty()) {
            System.err.println("kahu: no rules* directory beside " + regressionDir + "; give --rules DIR");
            return Main.BAD_INPUT;
        }
        for (Path d : ruleDirs) {
            if (!Files.exists(d)) {
                System.err.println("kahu: " + d + ": no such file or directory");
                return Main.BAD_INPUT;
            }
        }
        LoadResult loaded = new SigmaRuleLoader(placeholders == null ? java.util.Map.of() : SigmaRuleLoader.readPlaceholders(placeholders))
                .loadAll(ruleDirs.toArray(Path[]::new));
        List<RegressionCase> cases = SigmaRegression.cases(regressionDir);
        if (!List.of("evtx", "json").contains(events)) {
            System.err.println("kahu: --events is evtx or json");
            return Main.BAD_INPUT;
        }
        RegressionReport raw = SigmaRegression.run(cases, SigmaEngine.compile(loaded), events.equals("json") ? kahu.detect.RegressionEvents.JSON_BESIDE_EVTX : kahu.detect.RegressionEvents.EVTX);
        kahu.detect.RegressionErrata.Applied applied = kahu.detect.RegressionErrata.apply(raw,
                noErrata ? Map.of() : kahu.detect.RegressionErrata.builtIn());
        RegressionReport r = applied.report();
        if (format.equals("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cases", r.cases());
            out.put("passed", r.passed());
            out.put("failed", r.failed().stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", f.rule());
                m.put("file", f.file());
                m.put("expected", f.expected());
                m.put("actual", f.actual());
                return m;
            }).toList());
            out.put("events", r.eventSource());
            out.put("passed_by_erratum", applied.used().stream().map(e -> Map.of("rule", e.rule(), "count", e.count(), "reason", e.reason())).toList());
            System.out.println(Json.pretty(out));
        } else {
            System.out.printf("%d cases, %d passed, %d failed (events: %s)%n", r.cases(), r.passed(), r.failed().size(), r.eventSource());
            for (kahu.detect.RegressionErrata.Erratum e : applied.used()) {
                System.out.printf("passed by erratum %s: %d matches (%s)%n", e.rule(), e.count(), e.reason());
            }
            for (RegressionReport.Failure f : r.failed()) {
                System.out.printf("failed %s %s: expected %d, got %d (%s)%n", f.rule(), f.file(), f.expected(), f.actual(), f.why());
            }
        }
        return r.cases() == 0 || !r.failed().isEmpty() ? Main.NOT_FOUND : Main.OK;
    }

    /** The Sigma repository layout: regression_data/ beside rules/, rules-emerging-threats/, … */
    private static List<Path> defaultRuleDirs(Path regressionDir) throws IOException {
        for (Path p = regressionDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("regression_data") && p.getParent() != null) {
                try (Stream<Path> s = Files.list(p.getParent())) {
                    return s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().startsWith("rules")).sorted().toList();
                }
            }
        }
        return List.of();
    }
}
