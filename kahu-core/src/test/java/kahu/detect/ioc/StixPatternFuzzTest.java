package kahu.detect.ioc;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The STIX pattern parser on arbitrary text: it returns a pattern or throws {@link StixPatternException} with a
 * column inside the text (or just past it); any other exception, a hang or running out of memory is a bug.
 * Seeds: {@code StixPatternFuzzTestInputs/parse}; fuzz by hand as DEVELOPERS.md says.
 */
class StixPatternFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            StixPattern.parse(text);
        } catch (StixPatternException e) {
            assertThat(e.column()).as(e.getMessage()).isBetween(1, text.length() + 1);
        }
    }
}
