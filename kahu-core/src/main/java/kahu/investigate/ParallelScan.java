package kahu.investigate;

import kahu.detect.Detection;
import kahu.detect.ScanPipeline;
import kahu.detect.ScanSummary;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.LoadResult;
import kahu.ingest.ReadOptions;
import kahu.ingest.evtx.EvtxLogReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scans the inputs on several threads: each folder of the inputs (an organisation's logs, usually) is
 * one unit of work, and each thread has its own {@link ScanPipeline} (rules, correlations and their
 * state are per pipeline, so no state is shared). Reading many small files is as much waiting for
 * the disk as computing, so even two cores gain from it.
 */
final class ParallelScan {
    private final LoadResult rules;
    private final IndicatorSet indicators;
    private final int threads;

    ParallelScan(LoadResult rules, IndicatorSet indicators, int threads) {
        this.rules = rules;
        this.indicators = indicators;
        this.threads = threads;
    }

    /** Calls {@code out} from several threads (it must be thread-safe); returns the summaries merged. */
    ScanSummary scan(List<Path> inputs, Consumer<Detection> out, ScanPipeline.Progress progress) throws IOException {
        ConcurrentLinkedQueue<Path> units = new ConcurrentLinkedQueue<>(units(inputs));
        AtomicLong bytes = new AtomicLong(), events = new AtomicLong();
        List<ScanSummary> summaries = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().name("kahu-scan-" + t).start(() -> {
                ScanPipeline pipeline = new ScanPipeline(EvtxLogReader.ingest(ReadOptions.DEFAULTS, null), rules, indicators, null);
                Path unit;
                while ((unit = units.poll()) != null) {
                    long[] last = {0, 0};
                    try {
                        ScanSummary s = pipeline.scan(List.of(unit), out, (file, b, e) -> {
                            progress.fileDone(file, bytes.addAndGet(b - last[0]), events.addAndGet(e - last[1]));
                            last[0] = b;
                            last[1] = e;
                        });
                        synchronized (summaries) {
                            summaries.add(s);
                        }
                    } catch (RuntimeException e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }
            }));
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while scanning", e);
            }
        }
        if (!failures.isEmpty()) throw failures.getFirst();
        return merge(summaries);
    }

    /** An input folder's entries (each organisation's folder under logs/, or the folder's own files), else the input itself. */
    static List<Path> units(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p) && p.getFileName() != null && p.getFileName().toString().equals("logs")) {
                try (var s = Files.list(p)) {
                    s.sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static ScanSummary merge(List<ScanSummary> parts) {
        long files = 0, events = 0, bytes = 0, skipped = 0, detections = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Long> byRule = new TreeMap<>(), byLevel = new TreeMap<>(), byHost = new TreeMap<>();
        Map<String, Long> skippedByFile = new TreeMap<>();
        int rulesLoaded = 0, indicators = 0;
        List<String> rejected = List.of();
        for (ScanSummary s : parts) {
            files += s.files();
            events += s.events();
            bytes += s.bytes();
            skipped += s.skipped();
            detections += s.detections();
            problems.addAll(s.problems());
            s.byRule().forEach((k, v) -> byRule.merge(k, v, Long::sum));
            s.byLevel().forEach((k, v) -> byLevel.merge(k, v, Long::sum));
            s.byHost().forEach((k, v) -> byHost.merge(k, v, Long::sum));
            s.skippedByFile().forEach((k, v) -> skippedByFile.merge(k, v, Long::sum));
            rulesLoaded = s.rulesLoaded();
            rejected = s.rulesRejected();
            indicators = s.indicators();
        }
        problems.sort(null);
        // The peak is the process's, so it is read once all parts are done.
        return new ScanSummary(files, events, bytes, skipped, problems, detections, byRule, byLevel, byHost, rulesLoaded, rejected, indicators,
                skippedByFile, kahu.detect.PeakMemory.now());
    }
}
