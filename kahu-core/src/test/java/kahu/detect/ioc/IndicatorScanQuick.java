package kahu.detect.ioc;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A quick by-hand throughput check of {@link IndicatorSet#scan} (the JMH benchmark in kahu-bench is the reference). */
public final class IndicatorScanQuick {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/kahu-ioc-bench");
        Files.createDirectories(dir);
        List<Indicator> indicators = SyntheticIndicators.generate(1_000_000, 42);
        Path log = dir.resolve("iis.log");
        if (!Files.exists(log)) {
            SyntheticIndicators.writeIisLog(log, 100L << 20, indicators.subList(0, 10_000), 100, 7);
            SyntheticIndicators.writeGrepPatterns(dir.resolve("patterns.txt"), indicators);
        }
        String mode = args.length > 1 ? args[1] : "full";
        IndicatorSet set = IndicatorSet.of(mode.equals("empty") ? List.of() : mode.equals("small") ? indicators.subList(0, 1000) : indicators);
        java.util.List<String> lines = mode.equals("mem") ? Files.readAllLines(log) : List.of();
        long size = Files.size(log);
        for (int round = 0; round < 5; round++) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long[] hits = {0};
            if (mode.equals("read")) {
                try (BufferedReader r = Files.newBufferedReader(log)) {
                    String line;
                    while ((line = r.readLine()) != null) hits[0] += line.length();
                }
            } else if (mode.equals("bytes") || mode.equals("small")) {
                try (var in = Files.newInputStream(log)) {
                    LogScan.scan(set, in, (l, i, t, s, e) -> hits[0]++);
                }
            } else if (mode.equals("mem")) {
                for (String line : lines) set.scan(line, (i, s, e) -> hits[0]++);
            } else {
                try (BufferedReader r = Files.newBufferedReader(log)) {
                    String line;
                    while ((line = r.readLine()) != null) set.scan(line, (i, s, e) -> hits[0]++);
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("round %d: %d hits, %.0f MB/s wall, %.0f MB/s per CPU-second%n", round, hits[0], size / 1e6 / s, size / 1e6 / cpu);
        }
    }
}
