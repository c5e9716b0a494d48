package kahu.detect.sigma;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chars a rule without a necessary literal still needs in a field ({@link CharNeeds}); that no matching rule is
 * dropped over all rules and regression events is {@code SigmaPrefilterTest} and {@code SigmaFastPathPropertiesTest}.
 */
class SigmaCharNeedsTest {
    @Test
    void shortLiteralsNeedTheirRarestChar() {
        SigmaRule dosfuscation = SigmaTestRules.rule("sel:\n    CommandLine|contains:\n        - '^^'\n        - ',;,'\n        - '(,('\ncondition: sel");
        CharNeeds needs = CharNeeds.of(dosfuscation.detection());
        assertThat(needs).isNotNull();
        assertThat(needs.mayMatch(fields("CommandLine", "cmd /c echo hello"))).isFalse();
        assertThat(needs.mayMatch(fields("CommandLine", "cmd /c e^^cho"))).isTrue();
        assertThat(needs.mayMatch(fields("Image", "C:\\x.exe"))).as("no CommandLine: the field test cannot pass").isFalse();
    }

    @Test
    void nonAsciiListsNeedAHighChar() {
        SigmaRule emoji = SigmaTestRules.rule("sel:\n    CommandLine|contains:\n        - '\u00a9'\n        - '\u2122'\n        - '\ud83d\ude00'\n        - '\ud83d\ude01'\ncondition: sel");
        CharNeeds needs = CharNeeds.of(emoji.detection());
        assertThat(needs.mayMatch(fields("CommandLine", "powershell -enc AAAA"))).isFalse();
        assertThat(needs.mayMatch(fields("CommandLine", "echo \u00a9"))).isTrue();
    }

    @Test
    void negationsAndOpenAlternativesNeedNothing() {
        assertThat(CharNeeds.of(SigmaTestRules.rule("sel:\n    Image|contains: '\\\\'\ncondition: not sel").detection())).isNull();
        assertThat(CharNeeds.of(SigmaTestRules.rule("a:\n    Image|contains: '^^'\nb:\n    Image|exists: true\ncondition: a or b").detection())).isNull();
    }

    private static EventFields fields(String name, String value) {
        return EventFields.uncached(SigmaTestRules.sysmon(name, value));
    }
}
