package kahu.detect;

import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.SigmaRuleLoader;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What fuzzing ({@link SigmaRuleLoaderFuzzTest}) found in the Sigma loader, in {@code kahu.detect.sigma}, which this
 * branch must not change (it was being optimised in parallel). Each exception escapes {@code loadAll}, so one such
 * file in {@code kahu scan --rules DIR} stops the scan instead of being listed as rejected. Enable these once fixed
 * there (and drop the fuzz test's known-finding filters); the inputs are under {@code sigma-loader-findings/}.
 */
class SigmaRuleLoaderFindingsTest {
    /**
     * A rule without {@code logsource} whose detection names a field: the loader notes "missing 'logsource'" but still
     * compiles the detection, and {@code LogSources.fieldNames} dereferences the null log source (NullPointerException).
     * Fix: skip the web-server alias look-up when the log source is null, or compile no detection without one.
     */
    @Test
    @Disabled("finding for kahu.detect.sigma: NullPointerException in LogSources.fieldNames for a rule without logsource")
    void aRuleWithoutLogsourceIsRejectedNotThrown() throws URISyntaxException {
        LoadResult r = SigmaRuleLoader.load(findings("no-logsource"));
        assertThat(r.loaded()).isEmpty();
        assertThat(r.rejected()).hasSize(2);
    }

    /**
     * A condition identifier glob ({@code 1 of sel*}) is turned into a Java regex by wrapping it in {@code \Q…\E}; an
     * identifier containing {@code \E} breaks out of the quoting, so a rule file injects a regular expression. A
     * malformed one is rejected (PatternSyntaxException is an IllegalArgumentException), but a well-formed one such
     * as {@code \E.+.+…!\Q} backtracks for hours over a long search name: loading the rule hangs. Fix: match globs
     * without regex (split on '*', find the literal parts in order) or quote each part with {@code Pattern.quote}.
     */
    @Test
    @Disabled("finding for kahu.detect.sigma: regex injection (catastrophic backtracking) in DetectionCompiler.globMatches")
    void aConditionGlobCannotInjectARegex() {
        LoadResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> SigmaRuleLoader.load(findings("condition-glob")), "loading hangs on the injected regex");
        assertThat(r.loaded()).isEmpty();
        assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.reason()).contains("names no search"));
    }

    /**
     * {@code |base64offset} of a value of fewer than two bytes (here the empty string): {@code Encodings.base64offset}
     * cuts more characters off the encoded text than it has (StringIndexOutOfBoundsException). Fix: reject such a
     * value, or cut no more than the encoding's length.
     */
    @Test
    @Disabled("finding for kahu.detect.sigma: StringIndexOutOfBoundsException in Encodings.base64offset for a short value")
    void base64offsetOfAShortValueIsRejectedNotThrown() throws URISyntaxException {
        LoadResult r = SigmaRuleLoader.load(findings("base64offset"));
        assertThat(r.rejected()).hasSize(r.total() - r.loaded().size());
    }

    /**
     * {@code |cidr} with a prefix length and no address ({@code '/8'}): {@code IPAddressString.toAddress()} gives null
     * for it and {@code ValueCompiler.cidrs} dereferences it (NullPointerException). Fix: treat null as "not a CIDR".
     */
    @Test
    @Disabled("finding for kahu.detect.sigma: NullPointerException in ValueCompiler.cidrs for '/8'")
    void aCidrWithoutAnAddressIsRejectedNotThrown() throws URISyntaxException {
        LoadResult r = SigmaRuleLoader.load(findings("cidr"));
        assertThat(r.loaded()).isEmpty();
        assertThat(r.rejected()).hasSize(1);
    }

    private Path findings(String folder) throws URISyntaxException {
        return Path.of(getClass().getResource("sigma-loader-findings/" + folder).toURI());
    }
}
