package kahu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** `kahu bench attribution`: the JSON contract of issue 3, the files it writes, the fit mode. */
class BenchAttributionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("k", "top1", "top3", "top5", "mrr", "brier", "ece", "confident_error_rate", "cases");

    @TempDir
    Path home;

    @BeforeEach
    void freshHome() {
        System.setProperty("kahu.home", home.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("kahu.home");
    }

    @Test
    void jsonHasResultsAndBaselinesPerK() throws Exception {
        Path out = home.resolve("bench");
        CliRun r = CliRun.run("bench", "attribution", "--kb", SharedData.attackSample().toString(), "--k", "5,10", "--seeds", "2",
                "--format", "json", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        JsonNode results = doc.get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("k").asInt()).isEqualTo(5);
        assertThat(results.get(1).get("k").asInt()).isEqualTo(10);
        for (JsonNode m : results) {
            for (String f : FIELDS) assertThat(m.has(f)).as(f).isTrue();
            assertThat(m.get("top1").asDouble()).isBetween(0.0, 1.0);
            int cases = m.get("cases").asInt(); // one per group with 10+ techniques per seed, summed over two seeds
            assertThat(cases).isGreaterThanOrEqualTo(2 * 4).isEven();
        }
        JsonNode baselines = doc.get("baselines");
        assertThat(baselines).hasSize(4);
        Set<String> names = new HashSet<>();
        for (JsonNode b : baselines) {
            names.add(b.get("name").asText());
            for (String f : FIELDS) assertThat(b.has(f)).as(f).isTrue();
        }
        assertThat(names).containsExactlyInAnyOrder("jaccard", "tfidf");
        assertThat(doc.get("seeds").toString()).isEqualTo("[1,2]");
        assertThat(JSON.readTree(Files.readString(out.resolve("attribution.json")))).isEqualTo(doc);
        assertThat(Files.readAllBytes(out.resolve("reliability-k10.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(r.err()).contains("seed 1", "seed 2");
    }

    @Test
    void textIsATable() {
        CliRun r = CliRun.run("bench", "attribution", "--kb", SharedData.attackSample().toString(), "--k", "10", "--seeds", "1",
                "--out", home.resolve("t").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("top1", "kahu", "jaccard", "tfidf", "normalised to sum 1");
    }

    @Test
    void fitPrintsTheBestParametersFromCalibrationSeeds() throws Exception {
        CliRun r = CliRun.run("bench", "attribution", "--kb", SharedData.attackSample().toString(), "--fit", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("seeds").toString()).isEqualTo("[1001,1002,1003,1004,1005]");
        assertThat(doc.get("best").get("techniqueNoise").asDouble()).isBetween(0.1, 0.6);
        assertThat(doc.get("best").get("temperature").asDouble()).isBetween(0.6, 2.0);
        assertThat(doc.get("points")).hasSize(kahu.attribution.bench.ParameterFit.TECHNIQUE_NOISE.size()
                * kahu.attribution.bench.ParameterFit.TEMPERATURE.size() * kahu.attribution.bench.ParameterFit.UNKNOWN_PRIOR.size());
        // Points come best first by the fit's objective, the log loss averaged over every k.
        assertThat(doc.get("points").get(0).get("mean_log_loss_over_k").asDouble())
                .isLessThanOrEqualTo(doc.get("points").get(1).get("mean_log_loss_over_k").asDouble());
    }

    @Test
    void badArgumentsAreRefused() {
        CliRun r = CliRun.run("bench", "attribution", "--kb", SharedData.attackSample().toString(), "--holdout", "1.5");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("holdout");
    }
}
