package kahu.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.SigmaEngine;
import kahu.detect.sigma.SigmaRule;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.ingest.Event;
import kahu.ingest.LogIngest;
import kahu.ingest.ReadProblem;
import kahu.ingest.WindowsEventJson;
import kahu.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kahu's own post-exploitation rules ({@code kahu/detect/rules/windows}) through the real reader and engine: every
 * rule has a Winlogbeat NDJSON file of events under {@code detect/windows-rules/<rule>.ndjson}, each tagged
 * {@code positive} (the rule must fire) or {@code near-miss} (a benign look-alike it must not fire on). The rules
 * are also run over every event of the SigmaHQ regression JSON renderings; what fires there is pinned in
 * {@code detect/windows-rules-regression.tsv} so that a rule that becomes broader shows up as a diff.
 */
class BuiltInWindowsRulesTest {
    private static final LoadResult BUILT_IN = SigmaRuleLoader.load(BuiltInRules.folder());
    private static final List<SigmaRule> WINDOWS = BUILT_IN.loaded().stream()
            .filter(r -> r.file().getParent().getFileName().toString().equals("windows"))
            .sorted((a, b) -> stem(a).compareTo(stem(b))).toList();
    private static final SigmaEngine ENGINE = SigmaEngine.compile(BUILT_IN);

    @Test
    void everyBuiltInRuleLoads() {
        assertThat(BUILT_IN.rejected()).isEmpty();
        assertThat(WINDOWS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(WINDOWS.stream().map(SigmaRule::notes).flatMap(List::stream)).as("no unmapped log source, no inert item").isEmpty();
    }

    @Test
    void everyRuleCarriesCurrentAttackTechniquesALevelAndFalsePositives() throws IOException {
        Map<String, JsonNode> attack = attackTechniques();
        for (SigmaRule r : WINDOWS) {
            assertThat(r.techniques()).as(stem(r)).isNotEmpty();
            for (String t : r.techniques()) {
                JsonNode p = attack.get(t);
                assertThat(p).as(stem(r) + ": " + t + " is not in ATT&CK").isNotNull();
                assertThat(p.path("revoked").asBoolean(false) || p.path("x_mitre_deprecated").asBoolean(false))
                        .as(stem(r) + ": " + t + " is revoked or deprecated").isFalse();
            }
            assertThat(r.level()).as(stem(r)).isIn("informational", "low", "medium", "high", "critical");
            String text = Files.readString(r.file());
            assertThat(text).as(stem(r)).contains("falsepositives:", "references:", "author: Kahu team");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFiresOnItsPositivesAndNotOnItsNearMisses() {
        return WINDOWS.stream().map(rule -> DynamicTest.dynamicTest(stem(rule), () -> {
            Path cases = resource("detect/windows-rules").resolve(stem(rule) + ".ndjson");
            assertThat(cases).as("test events of " + stem(rule)).exists();
            List<Event> events = read(cases);
            assertThat(events).as(stem(rule)).anyMatch(e -> expectation(e)).anyMatch(e -> !expectation(e));
            for (Event e : events) {
                assertThat(e.format()).as(cases + " line " + e.record()).isEqualTo("winlogbeat");
                boolean fired = ENGINE.matches(e).stream().anyMatch(m -> m.rule().id().equals(rule.id()));
                assertThat(fired).as(stem(rule) + " on " + cases.getFileName() + " line " + e.record()
                        + (expectation(e) ? " (positive)" : " (near miss)")).isEqualTo(expectation(e));
            }
        }));
    }

    @Test
    void firingsOverTheSigmaRegressionEventsAreThePinnedOnes() throws IOException {
        SigmaEngine windowsOnly = SigmaEngine.compile(WINDOWS);
        Path data = SharedData.root().resolve("sigma/regression_data");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Map<String, Integer> firings = new TreeMap<>();
        int events = 0;
        for (Path f : files) {
            for (Event e : WindowsEventJson.read(f)) {
                events++;
                for (var m : windowsOnly.matches(e)) {
                    firings.merge(stem(m.rule()) + "\t" + data.relativize(f.getParent()), 1, Integer::sum);
                }
            }
        }
        String actual = firings.entrySet().stream().map(x -> x.getKey() + "\t" + x.getValue()).collect(Collectors.joining("\n", "", "\n"));
        String pinned = Files.readString(resource("detect/windows-rules-regression.tsv")).lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).collect(Collectors.joining("\n", "", "\n"));
        Set<String> rulesFiring = firings.keySet().stream().map(k -> k.substring(0, k.indexOf('\t'))).collect(Collectors.toSet());
        System.out.println("Kahu Windows rules over " + files.size() + " regression files / " + events + " events: "
                + firings.size() + " (rule, case) firings by " + rulesFiring.size() + " rules\n" + actual);
        assertThat(files).hasSizeGreaterThan(200);
        assertThat(actual).isEqualTo(pinned);
    }

    private static boolean expectation(Event e) {
        Object tags = e.fields().get("tags");
        String t = String.valueOf(tags);
        if (t.contains("near-miss")) return false;
        if (t.contains("positive")) return true;
        throw new AssertionError(e.source() + " line " + e.record() + ": tags must say positive or near-miss");
    }

    private static List<Event> read(Path file) {
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        new LogIngest().read(List.of(file), events::add, problems::add);
        assertThat(problems).as(file.toString()).isEmpty();
        return events;
    }

    static String stem(SigmaRule r) {
        String name = r.file().getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static Path resource(String name) {
        try {
            return Path.of(BuiltInWindowsRulesTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ATT&CK Enterprise attack-patterns by technique ID, from the shared bundle. */
    private static Map<String, JsonNode> attackTechniques() throws IOException {
        JsonNode bundle = new ObjectMapper().readTree(SharedData.attack().resolve("enterprise-attack-attack-pattern.json").toFile());
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode o : bundle.path("objects")) {
            for (JsonNode ref : o.path("external_references")) {
                if ("mitre-attack".equals(ref.path("source_name").asText())) byId.put(ref.path("external_id").asText(), o);
            }
        }
        return byId;
    }
}
