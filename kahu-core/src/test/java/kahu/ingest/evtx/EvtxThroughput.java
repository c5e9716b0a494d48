package kahu.ingest.evtx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kahu.testing.SharedData;

/**
 * Records per second over the Sigma regression EVTX files (and the EVTX-ATTACK-SAMPLES), measured by hand,
 * never as a unit test. Wall time and this thread's CPU time are both printed, because a shared machine's
 * load inflates wall time. Run after {@code ./mvnw -B -q -pl kahu-core test-compile}:
 *
 * <pre>java -cp kahu-core/target/classes:kahu-core/target/test-classes kahu.ingest.evtx.EvtxThroughput [passes]</pre>
 */
public final class EvtxThroughput {
    private EvtxThroughput() {}

    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        measure(SharedData.root().resolve("sigma/regression_data"), passes);
        measure(SharedData.root().resolve("attack-datasets/evtx-attack-samples"), passes);
    }

    private static void measure(Path root, int passes) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) { // not the tests' helper: that class needs Jackson
            files = walk.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] fieldsSeen = {0}; // consumed so the JIT cannot drop the work
        for (int round = 1; round <= 3; round++) { // round 1 includes JIT warm-up
            long records = 0, wall = System.nanoTime(), cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < passes; i++) {
                for (Path f : files) records += EvtxReader.read(f, e -> fieldsSeen[0] += e.fields().size(), p -> {}).records();
            }
            double wallSeconds = (System.nanoTime() - wall) / 1e9, cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf("%s round %d: %d files x %d passes, %,d records: %,.0f records/s wall (%.1f MB/s), %,.0f records/s CPU%n",
                    root.getFileName(), round, files.size(), passes, records, records / wallSeconds,
                    bytes * (double) passes / wallSeconds / 1e6, records / cpuSeconds);
        }
    }
}
