package kahu.detect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import kahu.detect.sigma.SigmaRuleLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Sigma rule loader (read-only use of {@code kahu.detect.sigma}) on arbitrary YAML text: a file either loads
 * or is rejected with {@link SigmaRuleLoader.RuleException}, whose message says why; any other exception, a hang
 * or running out of memory is a bug. (A rejected file becomes a {@code LoadResult} rejection in
 * {@link SigmaRuleLoader#loadAll}, so this is the property of the whole loader.) Seeds:
 * {@code SigmaRuleLoaderFuzzTestInputs/parseFile}.
 */
class SigmaRuleLoaderFuzzTest {
    private static final SigmaRuleLoader LOADER = new SigmaRuleLoader(Map.of("admins", java.util.List.of("CORP\\admin")));
    private static final Path FILE = Path.of("fuzz.yml");

    @FuzzTest(maxDuration = "3m")
    void parseFile(byte[] data) {
        String yaml = new String(data, StandardCharsets.UTF_8);
        try {
            LOADER.parseFile(FILE, yaml);
        } catch (SigmaRuleLoader.RuleException rejected) {
            if (rejected.getMessage() == null || rejected.getMessage().isBlank()) throw new AssertionError("rejected without a reason");
        }
    }
}
