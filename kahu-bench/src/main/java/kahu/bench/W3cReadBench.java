package kahu.bench;

import kahu.ingest.LogFormat;
import kahu.ingest.LogIngest;
import kahu.ingest.ReadOptions;
import kahu.ingest.Source;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The IIS W3C reader over a generated 50 MB Exchange front-end log (events with ECS fields), against
 * reading the same file line by line into strings (the floor for any line-based reader). MB/s = 50 / seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class W3cReadBench {
    private Path file;
    private long bytes;

    @Setup
    public void generate() throws IOException {
        file = Files.createTempFile("kahu-w3c-", ".log");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n");
            w.write("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n");
            long written = 0;
            for (int i = 0; written < 50L << 20; i++) {
                String line = String.format("2021-03-%02d %02d:%02d:%02d 192.0.2.10 POST /EWS/Exchange.asmx &CorrelationID=<empty>;&cafeReqId=%08x-0b7e-4c1d-9a51-2d4f7d0c1a01; 443 EXAMPLE\\user%d 198.51.%d.%d Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.13801;+Pro) - 200 0 0 %d%n",
                        1 + i % 28, i % 24, i % 60, (i * 7) % 60, i, i % 500, i % 250, 1 + i % 250, 10 + i % 90);
                w.write(line);
                written += line.length();
            }
        }
        bytes = Files.size(file);
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long readEvents() {
        long[] n = {0};
        new LogIngest(ReadOptions.DEFAULTS, LogFormat.IIS_W3C).read(Source.of(file), e -> n[0]++, p -> { });
        return n[0];
    }

    /** Baseline: the same file's lines as strings, nothing else. */
    @Benchmark
    public long baselineReadLines() throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (r.readLine() != null) n++;
        }
        return n;
    }
}
