package kahu.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.knowledge.KnowledgeLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One small simulation of the built-in scenario, made once per test JVM and shared (read-only) by the tests that inspect output. */
final class SimulatedRun {
    static final int SERVERS = 40;
    private static SimulatedRun shared;

    final Path dir;
    final SimulationSummary summary;
    final JsonNode truth, register;

    private SimulatedRun(Path dir, SimulationSummary summary) throws IOException {
        this.dir = dir;
        this.summary = summary;
        ObjectMapper m = new ObjectMapper();
        this.truth = m.readTree(dir.resolve("ground-truth.json").toFile());
        this.register = m.readTree(dir.resolve("organisations.json").toFile());
    }

    static synchronized SimulatedRun get() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("kahu-sim-");
                var kb = KnowledgeLoader.builtIn();
                SimulationSummary s = new Simulator(ScenarioLoader.load("exchange-2021", kb), kb).run(dir, SERVERS, 1, null);
                shared = new SimulatedRun(dir, s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}
