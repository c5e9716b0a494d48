package kahu.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.detect.BuiltInRules;
import kahu.detect.Detection;
import kahu.detect.ScanPipeline;
import kahu.detect.ScanSummary;
import kahu.detect.ioc.Feed;
import kahu.detect.ioc.IndicatorFeeds;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.ingest.ReadOptions;
import kahu.ingest.evtx.EvtxLogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kahu scan PATH…}: logs and web folders through Kahu's detection content. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan logs (IIS, Exchange, EVTX, syslog, JSON, …) and web folders for exploitation, web shells and known indicators.")
final class ScanCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders (walked recursively; .gz and .zip read in place).")
    List<Path> paths;

    @Option(names = "--rules", arity = "1..*", paramLabel = "DIR", description = "More Sigma rule folders, besides Kahu's built-in rules.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-builtin-rules", description = "Use only the rules given with --rules.")
    boolean noBuiltin;

    @Option(names = "--indicators", arity = "1..*", paramLabel = "FILE", description = "Indicator feeds: CSV (e.g. MSTIC), STIX bundles, MISP events.")
    List<Path> indicatorFiles = new ArrayList<>();

    @Option(names = "--installed-at", paramLabel = "TIME", description = "When the servers were installed or patched (ISO 8601): pages newer than this in Exchange web folders are flagged.")
    Instant installedAt;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, ndjson, or stix (a STIX 2.1 bundle of sightings and observed data); default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write detections here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json", "ndjson", "stix").contains(format)) {
            System.err.println("kahu: unknown format " + format + " (text, json, ndjson or stix)");
            return Main.BAD_INPUT;
        }
        List<Path> ruleDirs = new ArrayList<>(rules);
        if (!noBuiltin) ruleDirs.addFirst(BuiltInRules.folder());
        LoadResult loaded = SigmaRuleLoader.load(ruleDirs.toArray(Path[]::new));
        List<Feed> feeds = new ArrayList<>();
        feeds.add(IndicatorFeeds.fromKnowledgeBase(KnowledgeSource.load(null, main.dbUrl())));
        for (Path f : indicatorFiles) feeds.add(feed(f));
        Feed all = Feed.merge(feeds);
        all.problems().forEach(p -> System.err.println("kahu: indicators: " + p));
        ScanPipeline pipeline = new ScanPipeline(EvtxLogReader.ingest(ReadOptions.DEFAULTS, null), loaded,
                IndicatorSet.of(all.indicators()), installedAt);

        List<Detection> detections = new ArrayList<>();
        PrintStream sink = out == null ? System.out : new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8);
        ScanSummary summary;
        long totalBytes = totalBytes(paths);
        long start = System.nanoTime();
        try (ProgressBar bar = new ProgressBar(System.err)) {
            summary = pipeline.scan(paths, d -> {
                if (format.equals("ndjson")) sink.println(json(d).toString()); // JsonNode.toString() is compact JSON
                else detections.add(d);
            }, (file, bytes, events) -> {
                double secs = (System.nanoTime() - start) / 1e9;
                double fraction = totalBytes == 0 ? 0 : Math.min(1, (double) bytes / totalBytes);
                long eta = fraction > 0 ? Math.round(secs / fraction - secs) : 0;
                bar.show(fraction, String.format("%,d MB, %,d events, ETA %ds", bytes >> 20, events, eta));
            });
            if (format.equals("stix")) {
                sink.println(Json.pretty(kahu.detect.DetectionStix.bundle(detections)));
            } else if (format.equals("json")) {
                ObjectNode doc = Json.MAPPER.createObjectNode();
                ArrayNode arr = doc.putArray("detections");
                detections.forEach(d -> arr.add(json(d)));
                doc.set("summary", Json.MAPPER.valueToTree(summary));
                sink.println(Json.pretty(doc));
            } else if (format.equals("text")) {
                for (Detection d : detections) {
                    sink.printf("[%s] %s%n    at %s%s%n    techniques %s  observables %s%n", d.level(), d.title(), d.location(),
                            d.timestamp() == null ? "" : " (" + d.timestamp() + ")", d.techniques(), d.observables());
                }
            }
        } finally {
            if (out != null) sink.close();
        }
        printSummary(summary);
        return summary.detections() > 0 ? Main.NOT_FOUND : Main.OK;
    }

    /** Bytes of the regular files under the paths (compressed sizes for .gz/.zip): the progress bar's 100 %. */
    static long totalBytes(List<Path> paths) {
        long total = 0;
        for (Path p : paths) {
            try (var s = Files.walk(p)) {
                total += s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // unreadable folders are reported by the scan itself
            }
        }
        return total;
    }

    static Feed feed(Path f) throws Exception {
        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv")) return IndicatorFeeds.fromCsv(f);
        String head = new String(Files.newInputStream(f).readNBytes(4096), StandardCharsets.UTF_8);
        return head.contains("\"Event\"") ? IndicatorFeeds.fromMispEvent(f) : IndicatorFeeds.fromStixBundle(f);
    }

    private static ObjectNode json(Detection d) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("engine", d.engine());
        o.put("rule_id", d.ruleId());
        o.put("title", d.title());
        o.put("level", d.level());
        o.put("timestamp", d.timestamp() == null ? null : d.timestamp().toString());
        o.set("techniques", Json.MAPPER.valueToTree(d.techniques()));
        o.set("observables", Json.MAPPER.valueToTree(d.observables()));
        o.put("host", d.host());
        o.put("location", d.location());
        o.put("actor", d.actor());
        return o;
    }

    private static void printSummary(ScanSummary s) {
        PrintStream err = System.err;
        err.printf("%nScanned %,d file(s), %,d events, %,d bytes; %,d record(s) skipped; %d rules, %,d indicators.%n",
                s.files(), s.events(), s.bytes(), s.skipped(), s.rulesLoaded(), s.indicators());
        err.printf("Peak memory: %s.%n", s.peakMemory());
        if (!s.rulesRejected().isEmpty()) err.printf("%d rule(s) rejected (kahu rules check shows why).%n", s.rulesRejected().size());
        err.printf("Detections: %,d%n", s.detections());
        table(err, "by rule", s.byRule());
        table(err, "by level", s.byLevel());
        table(err, "by host", s.byHost());
        table(err, "records skipped by file", s.skippedByFile());
        if (!s.problems().isEmpty()) {
            err.println("Skipped or unreadable:");
            s.problems().stream().limit(20).forEach(p -> err.println("  " + p));
            if (s.problems().size() > 20) err.println("  … and " + (s.problems().size() - 20) + " more");
        }
    }

    private static void table(PrintStream err, String title, Map<String, Long> counts) {
        if (counts.isEmpty()) return;
        err.println("  " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> err.printf("    %6d  %s%n", e.getValue(), e.getKey()));
    }
}
