package kahu.cli;

import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.Rejection;
import kahu.detect.sigma.SigmaCorrelator;
import kahu.detect.sigma.SigmaRuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kahu rules check DIR…}: which Sigma rules load, and why the others are rejected. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Load every Sigma rule (.yml/.yaml) under the directories; list the rejected ones with their reasons. "
                + "Exit 0 when all load, 1 when none was found or some were rejected, 2 on bad input.")
final class RulesCheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Rule directories or files.")
    List<Path> dirs;

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "YAML map of placeholder name to values for 'expand' (default: none, so such items cannot match).")
    Path placeholders;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws java.io.IOException {
        if (!List.of("text", "json").contains(format)) {
            System.err.println("kahu: unknown format " + format + " (text or json)");
            return Main.BAD_INPUT;
        }
        for (Path d : dirs) {
            if (!Files.exists(d)) {
                System.err.println("kahu: " + d + ": no such file or directory");
                return Main.BAD_INPUT;
            }
        }
        LoadResult loaded = new SigmaRuleLoader(placeholders == null ? java.util.Map.of() : SigmaRuleLoader.readPlaceholders(placeholders))
                .loadAll(dirs.toArray(Path[]::new));
        // A correlation naming rules that are not in the given directories cannot run: it is rejected too.
        List<Rejection> unresolved = SigmaCorrelator.compile(loaded.correlations(), loaded.loaded()).rejected();
        List<Rejection> rejected = new java.util.ArrayList<>(loaded.rejected());
        rejected.addAll(unresolved);
        LoadResult r = new LoadResult(loaded.loaded(), loaded.correlations().stream()
                .filter(c -> unresolved.stream().noneMatch(u -> u.file().equals(c.file()))).toList(), loaded.filters(), rejected);
        if (format.equals("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rules", r.total());
            out.put("loaded", r.total() - r.rejected().size());
            out.put("rejected", r.rejected().stream()
                    .map(x -> Map.of("file", x.file().toString(), "reason", x.reason())).toList());
            System.out.println(Json.pretty(out));
        } else {
            System.out.printf("%d rules, %d loaded (%d detection, %d correlation, %d filter), %d rejected%n", r.total(),
                    r.total() - r.rejected().size(), r.loaded().size(), r.correlations().size(), r.filters().size(), r.rejected().size());
            for (Rejection x : r.rejected()) System.out.println("rejected " + x.file() + ": " + x.reason());
        }
        return r.total() == 0 || !r.rejected().isEmpty() ? Main.NOT_FOUND : Main.OK;
    }
}
