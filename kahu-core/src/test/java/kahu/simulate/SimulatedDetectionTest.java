package kahu.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import kahu.detect.BuiltInRules;
import kahu.detect.Detection;
import kahu.detect.ScanPipeline;
import kahu.detect.ioc.IndicatorFeeds;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.ingest.LogIngest;
import kahu.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end (test only: the simulator itself never uses detection): Kahu's built-in rules over a
 * small simulated constituency find ProxyLogon and web shells on every compromised server, and
 * nothing high or critical at organisations nobody attacked.
 */
class SimulatedDetectionTest {
    final SimulatedRun run = SimulatedRun.get();

    @Test
    void compromisedServersAreFoundAndUntouchedOrganisationsRaiseNothingSerious() {
        ScanPipeline pipeline = new ScanPipeline(new LogIngest(), SigmaRuleLoader.load(BuiltInRules.folder()),
                IndicatorSet.of(IndicatorFeeds.fromKnowledgeBase(KnowledgeLoader.builtIn()).indicators()), Instant.parse("2021-01-01T00:00:00Z"));
        Map<String, List<Detection>> byServer = new HashMap<>(); // "org-001/EXCH01.…" → detections
        pipeline.scan(List.of(run.dir.resolve("logs")), d -> byServer.computeIfAbsent(server(d.location()), k -> new ArrayList<>()).add(d));

        Set<String> attacked = new HashSet<>();
        for (JsonNode op : run.truth.get("operations")) {
            String server = op.get("organisation").asText() + "/" + op.get("host").asText();
            attacked.add(op.get("organisation").asText());
            List<Detection> found = byServer.getOrDefault(server, List.of());
            assertThat(found).as(server).anySatisfy(d -> assertThat(d.title()).contains("ProxyLogon"));
            if (op.get("outcome").asText().equals("compromised")) {
                assertThat(found).as(server).anySatisfy(d -> assertThat(d.engine()).isEqualTo("webshell"));
                assertThat(found).as(server).anySatisfy(d -> assertThat(d.title()).contains("(CVE-2021-26855)").contains("server-side request forgery"));
            }
        }
        int untouched = 0;
        for (JsonNode o : run.register.get("organisations")) {
            String id = o.get("id").asText();
            if (attacked.contains(id)) continue;
            untouched++;
            byServer.forEach((server, ds) -> {
                if (server.startsWith(id + "/")) assertThat(ds).as(server).noneMatch(d -> d.level().equals("high") || d.level().equals("critical"));
            });
        }
        assertThat(untouched).isPositive();
    }

    /** "org-001/EXCH01.…" from a detection's file path. */
    private static String server(String location) {
        String p = location.replace('\\', '/');
        int i = p.indexOf("/logs/");
        String[] parts = p.substring(i + 6).split("/");
        return parts[0] + "/" + parts[1];
    }
}
