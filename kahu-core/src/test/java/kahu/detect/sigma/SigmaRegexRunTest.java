package kahu.detect.sigma;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A required class run, adjacent pair or char count is found in every value re2j matches: they only ever reject values re2j would reject. */
class SigmaRegexRunTest {
    @Test
    void runsOfPlainClassesAtTheTopLevel() {
        assertThat(RegexRun.of("\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}", false).length()).isEqualTo(64);
        assertThat(RegexRun.of("x\\d{12,}y", false).length()).isEqualTo(12);
        assertThat(RegexRun.of("[a-z]{3}", false)).as("too short to be worth it").isNull();
        assertThat(RegexRun.of("[^a]{10}", false)).as("negated").isNull();
        assertThat(RegexRun.of("a|[0-9]{10}", false)).as("top-level alternative").isNull();
        assertThat(RegexRun.of("(a|[0-9]{10})", false)).as("inside a group").isNull();
        assertThat(RegexRun.of("\\Q[0-9]{10}\\E", false)).as("quoted").isNull();
        assertThat(RegexRun.of("[\\p{L}]{10}", false)).isNull();
        assertThat(RegexRun.of("[0-9]{8}", false).foundIn("ab 1234567 8")).isFalse();
        assertThat(RegexRun.of("[0-9]{8}", false).foundIn("ab 12345678")).isTrue();
    }

    @Test
    void adjacentPairs() {
        RegexPair robin = RegexPair.of("\\\\[a-zA-Z0-9]{1,32}\\.[a-zA-Z0-9]{1,6}\\.[ \"']{1}", false);
        assertThat(robin.foundIn("C:\\Windows\\x.exe /c")).isFalse();
        assertThat(robin.foundIn("\\ab.cd. x")).isTrue();
        assertThat(RegexPair.of("\\p{L}x", false)).isNull();
        assertThat(RegexPair.of("a|bc", false)).isNull();
        assertThat(RegexPair.of("a{b", false)).as("a '{' that is no repetition is not read").isNull();
        assertThat(RegexPair.of("a(?i)bc", false)).as("flags changing midway").isNull();
        assertThat(RegexPair.of("ab?c", false)).as("no two chars are surely adjacent").isNull();
    }

    @Test
    void pairsNeverRejectAValueRe2jMatches() {
        neverRejects(List.of("a[bc]", "\\.[ \"']", "(?i)xks", "a{2}b", "a(?:b)c{1,2}d", "x*ab", "a(b|c)d+e", "[a-c]{1,3}_[0-2]"),
                "abcdekKsS_012. \"'{\u017f\u212a", 12, re -> {
                    RegexPair pair = RegexPair.of(re, re.startsWith("(?i)"));
                    return pair == null ? null : pair::foundIn;
                });
    }

    @Test
    void runsNeverRejectAValueRe2jMatches() {
        neverRejects(List.of("[a-f0-9]{8,}", "(?i)[a-c]{8}x", "\\w{9}", "\\s{8}", "[A-C_-]{8}", "z[b\\d]{10,12}", "[]a]{8}"),
                "abcdefABCF0129_- \t\u017f\u212ax]", 30, re -> {
                    RegexRun run = RegexRun.of(re, re.startsWith("(?i)"));
                    return run == null ? null : run::foundIn;
                });
    }

    @Test
    void repeatedOrUncommonChars() {
        assertThat(RegexCount.of("\\+.*\\+.*\\+")).isEqualTo(new RegexCount('+', 3));
        assertThat(RegexCount.of("\\s-\\s*<")).isEqualTo(new RegexCount('<', 1));
        assertThat(RegexCount.of("`.*`.*`").foundIn("a`b`")).isFalse();
        assertThat(RegexCount.of("`.*`.*`").foundIn("`a`b`")).isTrue();
        assertThat(RegexCount.of("a-b")).as("one common char is not worth a scan").isNull();
        assertThat(RegexCount.of("x|<<")).as("top-level alternative").isNull();
        assertThat(RegexCount.of("(?i)ab+c")).as("letters: case may vary").isNull();
        assertThat(RegexCount.of("a<?b")).as("optional").isNull();
    }

    @Test
    void countsNeverRejectAValueRe2jMatches() {
        neverRejects(List.of("<.*<", "a<<{2}b", "(?i)x<(?:<)*y", "<+a<", "<[<]<", "x<\\<?<", "(<)<"),
                "ax<y\\b", 12, re -> {
                    RegexCount count = RegexCount.of(re);
                    return count == null ? null : count::foundIn;
                });
    }

    /** Random values over the alphabet: whenever re2j finds a match, the check (which must exist) holds. */
    private static void neverRejects(List<String> regexes, String alphabet, int maxLength, Function<String, Predicate<String>> checkOf) {
        Random rnd = new Random(7);
        for (String re : regexes) {
            Predicate<String> check = checkOf.apply(re);
            assertThat(check).as(re).isNotNull();
            Pattern p = Pattern.compile(re);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder b = new StringBuilder();
                for (int k = 0, n = rnd.nextInt(maxLength); k < n; k++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                String v = b.toString();
                if (p.matcher(v).find()) assertThat(check.test(v)).as(re + " on '" + v + "'").isTrue();
            }
        }
    }
}
