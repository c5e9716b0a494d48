package kahu.detect.sigma;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Loading files: every problem in the reason, whole files only, YAML errors with their line. */
class SigmaLoaderTest {
    @Test
    void reasonsNameEveryProblemAndTheYamlLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("syntax.yml"), "title: x\nlogsource: {product: windows\ndetection:\n  sel: {a: b}\n  condition: sel\n");
        Files.writeString(dir.resolve("empty_parts.yml"), "description: nothing else\n");
        Files.writeString(dir.resolve("two.yml"), """
                title: Good
                logsource: {product: windows, service: security}
                detection: {sel: {EventID: 4624}, condition: sel}
                ---
                title: Bad
                logsource: {product: windows, service: security}
                detection: {sel: {EventID|nope: 1}, condition: sel}
                """);
        Files.writeString(dir.resolve("ok.yaml"), """
                title: Fine
                name: fine
                tags: [attack.persistence, attack.t1547.001, attack.T1547.001]
                logsource: {product: windows, service: security}
                detection: {sel: {EventID: 4697}, condition: sel}
                """);
        LoadResult r = new SigmaRuleLoader(Map.of()).loadAll(dir);
        assertThat(r.loaded()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("fine");
            assertThat(rule.techniques()).containsExactly("T1547.001");
            assertThat(rule.targets()).singleElement().satisfies(t -> assertThat(t.channel()).isEqualTo("Security"));
        });
        assertThat(r.rejected()).hasSize(3);
        assertThat(reason(r, "syntax.yml")).startsWith("YAML: ").contains("line 2").doesNotContain("\n");
        assertThat(reason(r, "empty_parts.yml")).contains("missing 'title'").contains("missing 'logsource' map").contains("missing 'detection' map");
        assertThat(reason(r, "two.yml")).as("one bad document rejects the whole file").contains("document 2").contains("unknown modifier 'nope'");
    }

    private static String reason(LoadResult r, String file) {
        return r.rejected().stream().filter(x -> x.file().getFileName().toString().equals(file)).findFirst().orElseThrow().reason();
    }
}
