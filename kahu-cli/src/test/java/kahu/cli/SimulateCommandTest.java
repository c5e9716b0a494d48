package kahu.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    @Test
    void simulatesAndSummarises(@TempDir Path dir) {
        CliRun r = CliRun.run("simulate", "--scenario", "exchange-2021", "--out", dir.resolve("out").toString(), "--servers", "8", "--seed", "3");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("Scenario exchange-2021, seed 3:").contains("8 Exchange servers").contains("events").contains("bytes");
        assertThat(dir.resolve("out/organisations.json")).exists();
        assertThat(dir.resolve("out/ground-truth.json")).exists();
        assertThat(dir.resolve("out/logs")).isDirectory();
    }

    @Test
    void aBadScenarioFileIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: s\nservers: zero\n");
        CliRun r = CliRun.run("simulate", "--scenario", f.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(f + ":2: expected a whole number, found 'zero'").contains(f + ":1: missing 'period'");
    }
}
