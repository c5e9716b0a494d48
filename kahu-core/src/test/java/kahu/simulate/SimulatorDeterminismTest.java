package kahu.simulate;

import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorDeterminismTest {
    static final KnowledgeBase KB = KnowledgeLoader.builtIn();

    @Test
    void theSameScenarioSeedAndServersGiveByteIdenticalOutput(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
        Scenario s = ScenarioLoader.load("exchange-2021", KB);
        new Simulator(s, KB).run(a, 25, 7, null);
        new Simulator(s, KB).run(b, 25, 7, null);
        List<Path> files = files(a);
        assertThat(files).isEqualTo(files(b)).hasSizeGreaterThan(100);
        for (Path f : files) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(b.resolve(f)));
            if (f.toString().endsWith(".aspx")) // pages carry the simulated write time; logs are simply written now
                assertThat(Files.getLastModifiedTime(a.resolve(f))).as(f.toString()).isEqualTo(Files.getLastModifiedTime(b.resolve(f)));
        }
        // Another seed gives another constituency history.
        new Simulator(s, KB).run(c, 25, 8, null);
        assertThat(Files.readAllBytes(c.resolve("ground-truth.json"))).isNotEqualTo(Files.readAllBytes(a.resolve("ground-truth.json")));
    }

    @Test
    void aRunReplacesAnEarlierRunButRefusesAFolderHoldingOtherFiles(@TempDir Path a) throws IOException {
        Scenario s = ScenarioLoader.load("exchange-2021", KB);
        new Simulator(s, KB).run(a, 6, 1, null);
        SimulationSummary again = new Simulator(s, KB).run(a, 3, 1, null);
        assertThat(again.servers()).isEqualTo(3);
        try (Stream<Path> orgs = Files.list(a.resolve("logs"))) {
            assertThat(orgs.count()).isEqualTo(again.organisations());
        }
        Files.writeString(a.resolve("notes.txt"), "mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Simulator(s, KB).run(a, 3, 1, null))
                .hasMessageContaining("notes.txt");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
