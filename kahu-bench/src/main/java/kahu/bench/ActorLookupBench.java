package kahu.bench;

import kahu.knowledge.Actor;
import kahu.knowledge.Alias;
import kahu.knowledge.ImportProgress;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeImport;
import kahu.knowledge.KnowledgeLoader;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Looking an actor up by name, alias or ATT&CK ID in the knowledge base loaded with ATT&CK, the
 * MISP galaxy and the curated files (about 1,100 actors), against a linear scan of every name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ActorLookupBench {
    @Param({"APT40", "temp.periscope", "G0065", "NOBELIUM", "no such actor"})
    public String query;

    private KnowledgeBase kb;

    @Setup
    public void load() throws Exception {
        try (Database db = Database.open(Database.h2Url(Files.createTempDirectory("kahu-bench-").resolve("kahu")))) {
            KnowledgeStore store = new KnowledgeStore(db);
            new KnowledgeImport(store).importPaths(List.of(BenchData.root().resolve("attack"), BenchData.root().resolve("misp-galaxy")),
                    ImportProgress.NONE);
            kb = KnowledgeLoader.load(store);
        }
    }

    @Benchmark
    public List<Actor> lookup() {
        return kb.lookup(query);
    }

    /** Baseline: compare the query with every name and alias of every actor. */
    @Benchmark
    public List<Actor> baselineLinearScan() {
        List<Actor> out = new ArrayList<>();
        for (Actor a : kb.actors()) {
            boolean hit = a.name().equalsIgnoreCase(query) || query.equalsIgnoreCase(a.attackId());
            for (int i = 0; !hit && i < a.aliases().size(); i++) {
                Alias al = a.aliases().get(i);
                hit = al.name().equalsIgnoreCase(query);
            }
            if (hit) out.add(a);
        }
        return out;
    }
}
