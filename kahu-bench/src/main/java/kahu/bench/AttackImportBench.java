package kahu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.knowledge.ImportProgress;
import kahu.knowledge.ImportSummary;
import kahu.knowledge.KnowledgeImport;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Importing the full ATT&CK Enterprise data (24,772 objects, 39 MB) into a fresh embedded H2
 * database, against the floor of merely parsing the same files with Jackson.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class AttackImportBench {
    private final Path attack = BenchData.root().resolve("attack");

    @Benchmark
    public ImportSummary importIntoFreshH2() throws IOException {
        Path dir = Files.createTempDirectory("kahu-bench-");
        try (Database db = Database.open(Database.h2Url(dir.resolve("kahu")))) {
            ImportSummary s = new KnowledgeImport(new KnowledgeStore(db)).importPaths(List.of(attack), ImportProgress.NONE);
            if (s.objectsImported() != 24_772) throw new IllegalStateException("imported " + s.objectsImported());
            return s;
        } finally {
            delete(dir);
        }
    }

    /** Baseline: Jackson parsing every file into trees, nothing else. */
    @Benchmark
    public long baselineJacksonParseOnly() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long n = 0;
        try (Stream<Path> files = Files.walk(attack)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                n += mapper.readTree(f.toFile()).path("objects").size();
            }
        }
        return n;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
