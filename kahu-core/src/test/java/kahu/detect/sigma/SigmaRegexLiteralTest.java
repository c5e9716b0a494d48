package kahu.detect.sigma;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The literal required by a regex is in every value the regex finds a match in. */
class SigmaRegexLiteralTest {
    @Test
    void examples() {
        assertThat(RegexLiteral.required("\\\\rundll32\\.exe.*,#\\d+")).isEqualTo("\\rundll32.exe");
        assertThat(RegexLiteral.required("abcd?ef")).isEqualTo("abc");
        assertThat(RegexLiteral.required("ab(cde)?fghi")).isEqualTo("fghi");
        assertThat(RegexLiteral.required("(?i)powershell")).isEqualTo("powershell");
        assertThat(RegexLiteral.required("abc+defg")).isEqualTo("defg");
        assertThat(RegexLiteral.required("a|bcdef")).isNull();
        assertThat(RegexLiteral.required("(a|b)cdef(g|[|])")).isEqualTo("cdef");
        assertThat(RegexLiteral.required("ipconfig\\s+/all")).isEqualTo("ipconfig");
        assertThat(RegexLiteral.required("\\x41BCD")).isNull();
        assertThat(RegexLiteral.required("[a-z]{2,}xyz[[:alpha:]]")).isNull();
        assertThat(RegexLiteral.required("ab{0,2}")).isEqualTo("a");
        assertThat(RegexLiteral.required("\\d{2}")).isNull();
    }

    @Test
    void everyMatchContainsTheLiteral() {
        Random rnd = new Random(7);
        String[] atoms = {"a", "b", "c", "A", ".", "\\.", "\\\\", "\\d", "[ab]", "[^c]", "(ab)", "(?i)", "(?i:ab)", "\\b", "\\t", "(?:a)", "(a|b)", "|", "(a|[|]b)", "\\|", "^", "$", "x", "-", " "};
        String[] quants = {"", "", "", "*", "+", "?", "{0,2}", "{2}", "*?", "+?"};
        String alphabet = "abcABx.\\- 1";
        for (int round = 0; round < 100000; round++) {
            StringBuilder re = new StringBuilder();
            for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) re.append(atoms[rnd.nextInt(atoms.length)]).append(quants[rnd.nextInt(quants.length)]);
            Pattern p;
            try {
                p = Pattern.compile(re.toString(), rnd.nextBoolean() ? Pattern.CASE_INSENSITIVE : 0);
            } catch (RuntimeException e) {
                continue;
            }
            ValueTest.Regex t = new ValueTest.Regex(p, re.toString());
            for (int k = 0; k < 20; k++) {
                StringBuilder v = new StringBuilder();
                for (int i = 0, n = rnd.nextInt(12); i < n; i++) v.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                assertThat(t.test(v.toString())).as(re + " on '" + v + "'").isEqualTo(p.matcher(v.toString()).find());
            }
        }
    }
}
