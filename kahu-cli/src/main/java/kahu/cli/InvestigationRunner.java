package kahu.cli;

import kahu.detect.BuiltInRules;
import kahu.detect.ioc.Feed;
import kahu.detect.ioc.IndicatorFeeds;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.investigate.Investigation;
import kahu.investigate.InvestigationResult;
import kahu.investigate.InvestigationStore;
import kahu.knowledge.KnowledgeBase;
import kahu.report.FindingsStix;
import kahu.report.HtmlReport;
import kahu.report.MarkdownReport;
import kahu.store.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What `investigate` and `demo` share: build the pipeline, run it with a progress bar, write the reports. */
final class InvestigationRunner {
    private InvestigationRunner() {}

    static InvestigationResult run(KnowledgeBase kb, List<Path> inputs, List<Path> rules, List<Path> intel, Database db,
                                   Duration gap, PrintStream err) throws Exception {
        List<Path> ruleDirs = new ArrayList<>(rules);
        ruleDirs.addFirst(BuiltInRules.folder());
        LoadResult loaded = SigmaRuleLoader.load(ruleDirs.toArray(Path[]::new));
        List<Feed> feeds = new ArrayList<>();
        feeds.add(IndicatorFeeds.fromKnowledgeBase(kb));
        for (Path f : intel) feeds.add(ScanCommand.feed(f));
        Feed all = Feed.merge(feeds);
        all.problems().forEach(p -> err.println("kahu: intel: " + p));
        Investigation investigation = new Investigation(kb, loaded, IndicatorSet.of(all.indicators()), gap);
        long start = System.nanoTime();
        try (ProgressBar bar = new ProgressBar(err)) {
            // The inputs' size is only for the bar's ETA: summed beside the scan, and not at all when no bar is drawn
            // (at 250,000 servers the walk over the zips' metadata took 111 s before the scan could start).
            java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
            if (bar.enabled()) Thread.ofVirtual().start(() -> total.set(ScanCommand.totalBytes(inputs)));
            return investigation.run(inputs, new InvestigationStore(db), new Investigation.Progress() {
                @Override
                public void step(String what) {
                    bar.show(0, what);
                }

                @Override
                public kahu.detect.ScanPipeline.Progress scan() {
                    if (!bar.enabled()) return kahu.detect.ScanPipeline.Progress.NONE; // formatting a label per file cost 3 % of a scan
                    long[] drawn = {System.nanoTime() - 1_000_000_000L};
                    return (file, bytes, events) -> {
                        synchronized (bar) { // several scanning threads report
                        long now = System.nanoTime();
                        if (now - drawn[0] < 100_000_000L) return; // ten times a second is enough for a person
                        drawn[0] = now;
                        double secs = (System.nanoTime() - start) / 1e9;
                        long totalBytes = total.get();
                        double fraction = totalBytes == 0 ? 0 : Math.min(1, (double) bytes / totalBytes);
                        String label = String.format("scanning: %,d MB, %,d events", bytes >> 20, events);
                        if (fraction > 0) label += String.format(", ETA %ds", Math.round(secs / fraction - secs)); // once the size is known
                        bar.show(fraction, label);
                        }
                    };
                }
            });
        }
    }

    /**
     * Writes report.html, report.md and findings.stix.json into {@code out}, each streamed (hundreds of megabytes at
     * national scale) into a file beside it that is moved into place only when whole; returns the HTML report's path.
     */
    static Path writeReports(InvestigationResult r, Path out) throws IOException {
        Files.createDirectories(out);
        writeWhole(out.resolve("report.md"), w -> report(w, p -> MarkdownReport.write(r, p)));
        writeWhole(out.resolve("findings.stix.json"), w -> Json.MAPPER.writeValue(w, FindingsStix.bundle(r)));
        Path html = out.resolve("report.html");
        writeWhole(html, w -> report(w, p -> HtmlReport.write(r, p)));
        return html;
    }

    private interface Body {
        void write(java.io.Writer w) throws IOException;
    }

    private static void report(java.io.Writer w, java.util.function.Consumer<java.io.PrintWriter> body) throws IOException {
        java.io.PrintWriter p = new java.io.PrintWriter(w);
        body.accept(p);
        p.flush();
        if (p.checkError()) throw new IOException("writing the report failed (disk full?)"); // PrintWriter keeps I/O errors to itself
    }

    private static void writeWhole(Path file, Body body) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (java.io.Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        try {
            Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The short summary both commands print. */
    static void printSummary(InvestigationResult r, PrintStream o) {
        o.printf("Read %,d events from %,d files: %,d detections (%,d new).%n", r.scan().events(), r.scan().files(),
                r.scan().detections(), r.newDetections());
        o.printf("Organisations affected: %,d of %,d registered.%n", r.affected().size(), r.organisations().size());
        o.printf("Incidents: %,d (%,d compromises, %,d serious, category 1-3). Campaigns: %,d.%n", r.incidents().size(),
                r.incidents().stream().filter(kahu.correlate.Incident::compromised).count(),
                r.incidents().stream().filter(i -> i.category().serious()).count(), r.campaigns().size());
        for (var c : r.campaigns()) {
            String who = kahu.report.AttributionWords.summary(r.assessments().get(c.id()));
            o.printf("  %s: %,d incidents at %,d organisations, %s to %s -> %s%n", c.id(), c.incidents().size(), c.organisations(),
                    c.first().toString().substring(0, 10), c.last().toString().substring(0, 10), who);
        }
        o.println(r.statistics().statement());
        if (!r.problems().isEmpty()) {
            o.printf("%d input problem(s), listed in the report; first: %s%n", r.problems().size(), r.problems().getFirst());
        }
    }
}
