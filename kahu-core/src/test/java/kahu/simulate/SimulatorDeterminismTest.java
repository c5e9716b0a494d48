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
    void zipCollectionsAreByteIdenticalToo(@TempDir Path a, @TempDir Path b, @TempDir Path folders) throws IOException {
        Scenario s = ScenarioLoader.load("exchange-2021", KB);
        new Simulator(s, KB, Layout.ZIP).run(a, 12, 7, null);
        new Simulator(s, KB, Layout.ZIP).run(b, 12, 7, null);
        new Simulator(s, KB, Layout.FOLDERS).run(folders, 12, 7, null);
        List<Path> files = files(a);
        assertThat(files).isEqualTo(files(b)).hasSize(12 + 2);
        for (Path f : files) assertThat(Files.readAllBytes(a.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(b.resolve(f)));
        // Each zip holds its server's folder, file for file (logs' bytes equal; pages keep their time to the second).
        for (Path f : files) {
            if (!f.toString().endsWith(".zip")) continue;
            Path folder = folders.resolve(f.toString().substring(0, f.toString().length() - 4));
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(a.resolve(f).toFile())) {
                List<Path> inFolder = files(folder);
                assertThat(zip.stream().map(e -> Path.of(e.getName())).sorted().toList()).isEqualTo(inFolder);
                for (Path p : inFolder) {
                    var e = zip.getEntry(p.toString());
                    assertThat(zip.getInputStream(e).readAllBytes()).as(p.toString()).isEqualTo(Files.readAllBytes(folder.resolve(p)));
                    if (p.toString().endsWith(".aspx")) {
                        assertThat(e.getLastModifiedTime().toMillis() / 1000)
                                .isEqualTo(Files.getLastModifiedTime(folder.resolve(p)).toMillis() / 1000);
                    }
                }
            }
        }
        // Ground truth differs only in naming the zip's entries.
        assertThat(Files.readString(a.resolve("ground-truth.json")).replace(".zip!/", "/"))
                .isEqualTo(Files.readString(folders.resolve("ground-truth.json")));
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
