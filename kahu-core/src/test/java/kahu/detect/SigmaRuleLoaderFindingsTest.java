package kahu.detect;

import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.SigmaRuleLoader;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What fuzzing ({@link SigmaRuleLoaderFuzzTest}) found in the Sigma loader: each exception escaped {@code loadAll}, so
 * one such file in {@code kahu scan --rules DIR} stopped the scan instead of being listed as rejected. Fixed; the
 * inputs are under {@code sigma-loader-findings/}.
 */
class SigmaRuleLoaderFindingsTest {
    /**
     * A rule without {@code logsource} whose detection names a field: the loader notes "missing 'logsource'" but still
     * compiles the detection, and {@code LogSources.fieldNames} dereferences the null log source (NullPointerException).
     * Fix: skip the web-server alias look-up when the log source is null, or compile no detection without one.
     */
    @Test
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
    void base64offsetOfAShortValueIsRejectedNotThrown() throws URISyntaxException {
        LoadResult r = SigmaRuleLoader.load(findings("base64offset"));
        assertThat(r.rejected()).hasSize(r.total() - r.loaded().size());
    }

    /**
     * {@code |cidr} with a prefix length and no address ({@code '/8'}): {@code IPAddressString.toAddress()} gives null
     * for it and {@code ValueCompiler.cidrs} dereferences it (NullPointerException). Fix: treat null as "not a CIDR".
     */
    @Test
    void aCidrWithoutAnAddressIsRejectedNotThrown() throws URISyntaxException {
        LoadResult r = SigmaRuleLoader.load(findings("cidr"));
        assertThat(r.loaded()).isEmpty();
        assertThat(r.rejected()).hasSize(1);
    }

    private Path findings(String folder) throws URISyntaxException {
        return Path.of(getClass().getResource("sigma-loader-findings/" + folder).toURI());
    }
}
