package kahu.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written Aho-Corasick automaton agrees with case-insensitive {@code regionMatches}. */
class SigmaLiteralAutomatonTest {
    @Test
    void agreesWithNaiveSearchOnRandomTexts() {
        Random rnd = new Random(42);
        String alphabet = "abcAB\\.-/ \u0131\u017f\u212aKks^;%(";
        for (int round = 0; round < 4000; round++) {
            // every other round, literals with rare punctuation: the automaton checks for one of those chars first
            String letters = round % 2 == 0 ? "abcAB\\.-/Kks" : "aK^;%(";
            List<String> literals = new ArrayList<>();
            for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) literals.add(random(rnd, letters, 1 + rnd.nextInt(4)));
            String text = random(rnd, alphabet, rnd.nextInt(30));
            LiteralAutomaton a = LiteralAutomaton.of(literals);
            boolean naive = literals.stream().anyMatch(l -> ValueTest.Literal.containsIgnoreCase(text, l));
            assertThat(a.containsAny(text)).as(literals + " in '" + text + "'").isEqualTo(naive);
        }
    }

    @Test
    void overlappingAndNestedLiterals() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("he", "she", "his", "hers"));
        assertThat(a.containsAny("USHERS")).isTrue();
        assertThat(LiteralAutomaton.of(List.of("shex", "hers")).containsAny("USHERS")).as("found through a failure link").isTrue();
        assertThat(a.containsAny("xyz")).isFalse();
    }

    private static String random(Random rnd, String alphabet, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return b.toString();
    }
}
