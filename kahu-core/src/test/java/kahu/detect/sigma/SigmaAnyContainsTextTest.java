package kahu.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Merged non-ASCII contains lists answer as their literals tested one by one. */
class SigmaAnyContainsTextTest {
    @Test
    void agreesWithTheLiteralsOneByOne() {
        Random rnd = new Random(11);
        String alphabet = "aAµμΜÿŸ\u0131\u017f\u212aKk–😀";
        for (int round = 0; round < 5000; round++) {
            List<String> texts = new ArrayList<>();
            for (int i = 0, n = 4 + rnd.nextInt(10); i < n; i++) texts.add(random(rnd, alphabet, 1 + rnd.nextInt(4)));
            ValueTest.AnyContainsText any = ValueTest.AnyContainsText.of(texts);
            for (int k = 0; k < 30; k++) {
                String v = random(rnd, k % 2 == 0 ? "aAbµÿKk" : alphabet, rnd.nextInt(12));
                boolean one = texts.stream().anyMatch(t -> new ValueTest.Literal(t, ValueTest.Position.CONTAINS, false).test(v));
                assertThat(any.test(v)).as(texts + " '" + v + "'").isEqualTo(one);
            }
        }
    }

    @Test
    void longValueRegexChecksLengthFirst() {
        assertThat(RegexLiteral.minLength(".{1000,}")).isEqualTo(1000);
        assertThat(RegexLiteral.minLength("a.{10,}")).isZero();
        ValueTest.Regex r = new ValueTest.Regex(com.google.re2j.Pattern.compile(".{5,}"), ".{5,}");
        assertThat(r.test("abcd")).isFalse();
        assertThat(r.test("abcde")).isTrue();
        assertThat(r.test("ab\ncde")).isFalse();
    }

    private static String random(Random rnd, String alphabet, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        return b.toString();
    }
}
