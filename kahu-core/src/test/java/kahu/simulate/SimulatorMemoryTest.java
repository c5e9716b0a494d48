package kahu.simulate;

import kahu.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays bounded whatever the number of servers: the generator holds one server at a time. Run in
 * a separate JVM with a heap far smaller than the output, so that a generator that kept output in memory
 * would fail with OutOfMemoryError.
 */
class SimulatorMemoryTest {
    /** Entry point of the child JVM: scenario, folder, servers. */
    public static void main(String[] args) throws Exception {
        var kb = KnowledgeLoader.builtIn();
        SimulationSummary s = new Simulator(ScenarioLoader.load(args[0], kb), kb).run(Path.of(args[1]), Integer.valueOf(args[2]), 1, null);
        System.out.println("servers=" + s.servers() + " events=" + s.events() + " bytes=" + s.bytes());
    }

    @Test
    void manyServersRunInASmallHeap(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), SimulatorMemoryTest.class.getName(), "exchange-2021", dir.toString(), "300"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("servers=300");
        long bytes = Long.parseLong(out.replaceAll("(?s).*bytes=(\\d+).*", "$1"));
        assertThat(bytes).as("output much larger than the heap").isGreaterThan(3L * 32 * 1024 * 1024);
    }
}
