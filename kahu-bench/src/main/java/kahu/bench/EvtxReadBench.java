package kahu.bench;

import kahu.ingest.evtx.EvtxReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Kahu's EVTX parser over the 42 EVTX-ATTACK-SAMPLES files (401 records, 4.9 MB, read in place from
 * ../shared/data), against merely reading the same files' bytes (the I/O limit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvtxReadBench {
    private List<Path> files;

    @Setup
    public void find() throws IOException {
        try (Stream<Path> s = Files.walk(BenchData.root().resolve("attack-datasets"))) {
            files = s.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalStateException("no EVTX files under attack-datasets");
    }

    /** Records parsed into events (all of them, every field). */
    @Benchmark
    public long parse() {
        long[] n = {0};
        for (Path f : files) EvtxReader.read(f, e -> n[0]++, p -> { });
        return n[0];
    }

    /** Baseline: the bytes of the same files, nothing else. */
    @Benchmark
    public long baselineReadBytes() throws IOException {
        long n = 0;
        for (Path f : files) n += Files.readAllBytes(f).length;
        return n;
    }
}
