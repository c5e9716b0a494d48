package kahu.bench;

import kahu.detect.BuiltInRules;
import kahu.detect.ScanPipeline;
import kahu.detect.ScanSummary;
import kahu.detect.ioc.Indicator;
import kahu.detect.ioc.IndicatorFeeds;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.ioc.SyntheticIndicators;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.ingest.LogFormat;
import kahu.ingest.LogIngest;
import kahu.ingest.ReadOptions;
import kahu.ingest.Source;
import kahu.ingest.evtx.EvtxLogReader;
import kahu.knowledge.KnowledgeLoader;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole {@code kahu scan} pipeline ({@link ScanPipeline}: format detection, the IIS reader, Kahu's built-in
 * Sigma rules, the indicator set, detections) over a generated 50 MB IIS log in /tmp/kahu-scan-bench, with
 * <ul>
 * <li>{@code scanKnowledgeBaseIndicators}: the knowledge base's indicators as {@code kahu scan} loads them
 *     (the curated actors of a fresh database);</li>
 * <li>{@code scanMillionIndicators}: 1,000,000 synthetic indicators ({@link SyntheticIndicators}, one line in
 *     100 carries one of them, so about 1 % of events become detections);</li>
 * <li>{@code baselineW3cReader}: the IIS reader alone over the same file, events counted and dropped.</li>
 * </ul>
 * Each operation reads the whole file from the page cache; MB/s = file bytes / seconds per operation, and
 * events/s = events / seconds per operation. After each iteration the same rates per CPU-second of the benchmark
 * thread are printed too: they hold when other jobs share the machine (the pipeline runs on one thread; GC and JIT
 * threads are not counted).
 *
 * <pre>
 * ./kahu jmh 'bench\.ScanBench'   # the bare name would also pick IndicatorScanBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ScanBench {
    static final Path DIR = Path.of("/tmp/kahu-scan-bench");
    static final Path LOG = DIR.resolve("u_ex261110.log");
    static final long SIZE = 50L << 20;
    static final int MILLION = 1_000_000;

    long bytes;
    /** events and detections of the last operation, printed per iteration */
    long events, detections;
    /** CPU time of the benchmark thread over the iteration's operations: the per-core rate when the machine is shared */
    long cpuNanos, ops;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Setup
    public void writeLog() throws Exception {
        Files.createDirectories(DIR);
        if (!Files.exists(LOG) || Files.size(LOG) < SIZE) {
            List<Indicator> planted = SyntheticIndicators.generate(MILLION, 42).subList(0, 10_000);
            SyntheticIndicators.writeIisLog(LOG, SIZE, planted, 100, 7);
        }
        bytes = Files.size(LOG);
    }

    @Setup(Level.Iteration)
    public void resetCpu() {
        cpuNanos = 0;
        ops = 0;
    }

    @TearDown(Level.Iteration)
    public void report() {
        double cpuSeconds = cpuNanos / 1e9 / Math.max(1, ops);
        System.out.printf("  [%,d bytes, %,d events, %,d detections a pass; per CPU-second of the thread: %.1f MB/s, %,.0f events/s]%n",
                bytes, events, detections, bytes / 1e6 / cpuSeconds, events / cpuSeconds);
    }

    /** The pipeline with the knowledge base's indicators, built once. */
    @State(Scope.Benchmark)
    public static class KnowledgeBaseScan {
        ScanPipeline pipeline;
        int indicators;

        @Setup
        public void build() throws Exception {
            IndicatorSet set;
            try (Database db = Database.open(Database.h2Url(Files.createTempDirectory("kahu-bench-").resolve("kahu")))) {
                set = IndicatorSet.of(IndicatorFeeds.fromKnowledgeBase(KnowledgeLoader.load(new KnowledgeStore(db))).indicators());
            }
            indicators = set.size();
            System.out.printf("  [the knowledge base gives %,d indicators: %s]%n", indicators, set.counts());
            pipeline = pipeline(set);
        }
    }

    /** The pipeline with a million synthetic indicators (about 210 MB of heap, built in about 2 s). */
    @State(Scope.Benchmark)
    public static class MillionScan {
        ScanPipeline pipeline;

        @Setup
        public void build() {
            pipeline = pipeline(IndicatorSet.of(SyntheticIndicators.generate(MILLION, 42)));
        }
    }

    static ScanPipeline pipeline(IndicatorSet indicators) {
        return new ScanPipeline(EvtxLogReader.ingest(ReadOptions.DEFAULTS, null), SigmaRuleLoader.load(BuiltInRules.folder()),
                indicators, null);
    }

    private long scan(ScanPipeline pipeline) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long[] found = {0};
        ScanSummary s = pipeline.scan(List.of(LOG), d -> found[0]++);
        events = s.events();
        detections = found[0];
        cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        ops++;
        return found[0] + s.events();
    }

    @Benchmark
    public long scanKnowledgeBaseIndicators(KnowledgeBaseScan kb) {
        return scan(kb.pipeline);
    }

    @Benchmark
    public long scanMillionIndicators(MillionScan million) {
        return scan(million.pipeline);
    }

    /** Baseline: the IIS reader alone (no detection), as in {@link W3cReadBench#readEvents}. */
    @Benchmark
    public long baselineW3cReader() {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long[] n = {0};
        new LogIngest(ReadOptions.DEFAULTS, LogFormat.IIS_W3C).read(Source.of(LOG), e -> n[0]++, p -> { });
        events = n[0];
        detections = 0;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        ops++;
        return n[0];
    }
}
