package kahu.detect.sigma;

import kahu.ingest.Event;
import kahu.ingest.WindowsEventJson;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields a match reports: {@link MatchedFields} trusts the parts of a true AND without testing them again;
 * over every public rule and regression event it reports exactly what testing every field again reports.
 */
class SigmaMatchedFieldsTest {
    @Test
    void sameAsTestingEveryFieldAgain() throws IOException {
        SigmaEngine engine = SigmaEngine.compile(SigmaRuleLoader.load(SigmaConformanceTest.ruleDirs()));
        List<Event> events = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SharedData.root().resolve("sigma/regression_data"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) events.addAll(WindowsEventJson.read(p));
        }
        int matches = 0;
        for (Event e : events) {
            for (SigmaMatch m : engine.matches(e)) {
                Map<String, Object> reference = new LinkedHashMap<>();
                everyField(m.rule().detection(), e, reference);
                assertThat(m.matchedFields()).as(m.rule().title() + " on " + e.location()).isEqualTo(reference);
                matches++;
            }
        }
        assertThat(matches).isGreaterThan(200);
    }

    /** The reference: every field, FieldRef and Exists under ANDs and ORs tested again. */
    private static void everyField(Matcher m, Event e, Map<String, Object> out) {
        switch (m) {
            case Matcher.And a -> a.all().forEach(c -> everyField(c, e, out));
            case Matcher.Or o -> o.any().forEach(c -> everyField(c, e, out));
            case Matcher.Field f when f.matches(e) -> put(f.names(), e, out);
            case Matcher.FieldRef f when f.matches(e) -> {
                put(f.names(), e, out);
                put(f.other(), e, out);
            }
            case Matcher.Exists f when f.matches(e) && f.expected() -> put(f.names(), e, out);
            default -> { }
        }
    }

    private static void put(String[] names, Event e, Map<String, Object> out) {
        for (String n : names) {
            Object v = e.get(n);
            if (v != null) {
                out.put(n, v);
                return;
            }
        }
    }
}
