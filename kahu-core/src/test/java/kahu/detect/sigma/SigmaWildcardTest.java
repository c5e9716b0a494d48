package kahu.detect.sigma;

import org.junit.jupiter.api.Test;

import static kahu.detect.sigma.SigmaTestRules.matches;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code *} and {@code ?} wildcards and their escapes. */
class SigmaWildcardTest {
    static boolean image(String pattern, String value) {
        return matches("sel:\n    Image: '" + pattern + "'\ncondition: sel", "Image", value);
    }

    @Test
    void starAndQuestionMark() {
        assertThat(image("*\\cmd.exe", "C:\\x\\CMD.exe")).isTrue();
        assertThat(image("C:*\\cmd.exe", "C:\\a\\b\\cmd.exe")).isTrue();
        assertThat(image("C:*\\cmd.exe", "D:\\a\\cmd.exe")).isFalse();
        assertThat(image("C:\\*\\cmd.exe", "C:\\a\\cmd.exe")).as("\\* escapes the star").isFalse();
        assertThat(image("cmd?.exe", "cmd1.exe")).isTrue();
        assertThat(image("cmd?.exe", "cmd.exe")).isFalse();
        assertThat(image("*", "anything")).isTrue();
        assertThat(image("a*b*c", "a\nxb\nc")).as("* spans lines").isTrue();
    }

    @Test
    void escapedWildcardsAreLiteral() {
        assertThat(image("what\\?", "what?")).isTrue();
        assertThat(image("what\\?", "whatX")).isFalse();
        assertThat(image("a\\*b", "a*b")).isTrue();
        assertThat(image("a\\*b", "axxb")).isFalse();
        // "\\*" is an escaped backslash followed by a real wildcard.
        assertThat(image("C:\\\\*", "C:\\anything")).isTrue();
        assertThat(image("C:\\\\*", "C:anything")).isFalse();
    }

    @Test
    void otherBackslashesAreLiteral() {
        assertThat(Wildcards.parse("C:\\Windows\\")).isEqualTo("C:\\Windows\\");
        assertThat(image("C:\\Windows\\", "c:\\windows\\")).isTrue();
        assertThat(Wildcards.parse("\\\\server")).isEqualTo("\\server");
    }

    @Test
    void globsNeverBacktrackExponentially() {
        String value = "a".repeat(5000);
        assertThat(image("*a*a*a*a*a*a*a*a*a*a*b", value)).isFalse();
        assertThat(image("*a?a*", "xxaba")).isTrue();
        assertThat(image("*a?a*", "xxaa")).isFalse();
    }

    @Test
    void regexMetacharactersInGlobsAreLiteral() {
        assertThat(image("*(x86)*[1].exe", "C:\\Program Files (x86)\\a[1].exe")).isTrue();
        assertThat(image("*.exe", "axexe")).isFalse();
    }

    @Test
    void literalShapesAvoidRegexes() {
        assertThat(Wildcards.compile(Wildcards.parse("*abc*"), false)).isEqualTo(new ValueTest.Literal("abc", ValueTest.Position.CONTAINS, false));
        assertThat(Wildcards.compile(Wildcards.parse("abc*"), false)).isEqualTo(new ValueTest.Literal("abc", ValueTest.Position.STARTS, false));
        assertThat(Wildcards.compile(Wildcards.parse("*abc"), true)).isEqualTo(new ValueTest.Literal("abc", ValueTest.Position.ENDS, true));
        assertThat(Wildcards.compile(Wildcards.parse("a*c"), false)).isInstanceOf(ValueTest.Glob.class);
        assertThat(((ValueTest.Glob) Wildcards.compile(Wildcards.parse("*AppData*Temp*.exe"), false)).longestSegment()).isEqualTo("AppData");
    }
}
