package kahu.detect.sigma;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static kahu.detect.sigma.SigmaTestRules.sysmon;
import static org.assertj.core.api.Assertions.assertThat;

/** Sigma filters: their condition is ANDed into the rules they name and whose log source they cover. */
class SigmaFilterTest {
    @Test
    void filterSuppressesMatchesOfTheNamedRule() throws Exception {
        SigmaRuleLoader.FileContent c = new SigmaRuleLoader(Map.of()).parseFile(Path.of("mf_test.yml"), """
                title: Rar use
                id: 6f3e2987-db24-4c78-a860-b4f4095a7095
                logsource: {category: process_creation, product: windows}
                detection:
                    selection:
                        Image|endswith: '\\rar.exe'
                    condition: selection
                ---
                title: Filter administrator accounts
                logsource: {category: process_creation, product: windows}
                filter:
                    rules: [6f3e2987-db24-4c78-a860-b4f4095a7095]
                    selection:
                        User|startswith: 'adm_'
                    condition: not selection
                ---
                title: Filter for another log source
                logsource: {category: file_event, product: windows}
                filter:
                    rules: any
                    selection:
                        User: 'alice'
                    condition: not selection
                """);
        assertThat(c.filters()).hasSize(2);
        SigmaEngine engine = SigmaEngine.compile(c.rules(), c.filters());
        assertThat(engine.matches(sysmon("Image", "C:\\rar.exe", "User", "adm_bob"))).isEmpty();
        assertThat(engine.matches(sysmon("Image", "C:\\rar.exe", "User", "alice"))).hasSize(1);
        assertThat(engine.rules().getFirst().notes()).anyMatch(n -> n.startsWith("filtered by Filter administrator accounts"));
        assertThat(SigmaEngine.compile(c.rules(), List.of()).matches(sysmon("Image", "C:\\rar.exe", "User", "adm_bob"))).hasSize(1);
    }
}
