package kahu.detect.sigma;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Folded#fold} (with its toLowerCase shortcut for ASCII text) folds each char as {@link LiteralAutomaton#fold}. */
class SigmaFoldedTest {
    private static final String ASCII = "aZ09 \\.-_:AbCxYz~@";
    private static final String ANY = ASCII + "\u00b5\u0130\u0131\u017f\u212a\u00df\u00c4\u00e4\u03a3\ud83d\ude00";

    @Property(tries = 3000)
    void foldsEachCharAsTheAutomatonDoes(@ForAll long seed) {
        Random rnd = new Random(seed);
        String alphabet = rnd.nextBoolean() ? ASCII : ANY;
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = rnd.nextInt(30); i < n; i++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        String s = b.toString();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < s.length(); i++) expected.append(LiteralAutomaton.fold(s.charAt(i)));
        assertThat(Folded.fold(s)).as(s).isEqualTo(expected.toString());
    }
}
