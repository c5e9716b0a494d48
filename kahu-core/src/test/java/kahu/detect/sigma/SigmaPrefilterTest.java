package kahu.detect.sigma;

import kahu.ingest.Event;
import kahu.ingest.WindowsEventJson;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The literal prefilter never drops a rule that matches: it changes speed, not results. */
class SigmaPrefilterTest {
    @Test
    void everyMatchingRuleIsACandidate() throws IOException {
        SigmaRule[] rules = SigmaRuleLoader.load(SigmaConformanceTest.ruleDirs()).loaded().toArray(SigmaRule[]::new);
        RulePrefilter pre = RulePrefilter.of(rules);
        List<Event> events = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SharedData.root().resolve("sigma/regression_data"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) events.addAll(WindowsEventJson.read(p));
        }
        long matches = 0, candidates = 0;
        for (Event e : events) {
            long[] bits = pre.candidates(e);
            for (int i = 0; i < rules.length; i++) {
                boolean candidate = (bits[i >>> 6] & (1L << i)) != 0;
                if (candidate) candidates++;
                if (rules[i].matches(e)) {
                    matches++;
                    assertThat(candidate).as(rules[i].title() + " on " + e.location()).isTrue();
                }
            }
        }
        System.out.printf("prefilter: %d events × %d rules; %d candidates, %d matches%n", events.size(), rules.length, candidates, matches);
        assertThat(matches).isGreaterThan(200);
        assertThat(candidates).isLessThan((long) events.size() * rules.length / 4);
    }

    @Test
    void literalsOfEveryShapeAreFound() {
        SigmaRule r = SigmaTestRules.rule("sel:\n    Image|endswith: '\\\\foo.exe'\n    CommandLine|contains|all:\n        - 'ab'\n        - 'longer one'\nfilter:\n    User: 'x'\ncondition: sel and not filter");
        RulePrefilter pre = RulePrefilter.of(new SigmaRule[] {r});
        // Both selection fields are required; the longer literal is the sharper filter.
        assertThat(NecessaryLiterals.of(r.detection())).singleElement().satisfies(n -> assertThat(n.literal()).isEqualTo("longer one"));
        assertThat(pre.candidates(SigmaTestRules.sysmon("Image", "C:\\FOO.EXE", "CommandLine", "x LONGER ONE ab"))[0]).isEqualTo(1L);
        assertThat(pre.candidates(SigmaTestRules.sysmon("Image", "C:\\FOO.EXE", "CommandLine", "x"))[0]).isEqualTo(0L);
        assertThat(pre.candidates(SigmaTestRules.sysmon("Image", "C:\\FOO.EXE"))[0]).as("cannot match without CommandLine").isEqualTo(0L);
        SigmaRule either = SigmaTestRules.rule("a:\n    Image|endswith: '.scr'\nb:\n    CommandLine|contains: 'vssadmin'\ncondition: a or b");
        assertThat(NecessaryLiterals.of(either.detection())).hasSize(2);
        SigmaRule negated = SigmaTestRules.rule("a:\n    Image|endswith: '.scr'\ncondition: not a");
        assertThat(NecessaryLiterals.of(negated.detection())).isNull();
    }
}
