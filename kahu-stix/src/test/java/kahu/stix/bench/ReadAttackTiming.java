package kahu.stix.bench;

import kahu.stix.StixReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A by-hand measurement (not a unit test, not a benchmark harness): reads every ATT&CK file in
 * shared/data/attack through StixReader, several rounds, and prints the wall time of each round.
 * Run: java -cp target/classes:target/test-classes:$(deps) kahu.stix.bench.ReadAttackTiming ../shared/data/attack
 */
public final class ReadAttackTiming {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/attack");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (int round = 1; round <= 5; round++) {
            AtomicLong objects = new AtomicLong(), problems = new AtomicLong();
            long t0 = System.nanoTime();
            StixReader reader = new StixReader();
            for (Path f : files) reader.read(f, o -> objects.incrementAndGet(), p -> problems.incrementAndGet());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("round %d: %d files, %d objects, %d problems, %d ms%n", round, files.size(), objects.get(), problems.get(), ms);
        }
    }
}
