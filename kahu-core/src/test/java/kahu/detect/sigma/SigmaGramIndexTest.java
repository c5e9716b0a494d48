package kahu.detect.sigma;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The prefilter's gram index finds exactly the literals a folded {@code contains} finds. */
class SigmaGramIndexTest {
    /** 'š' (U+0161) shares its low byte with 'a': such collisions must not count as hits. */
    private static final String ALPHABET = "abAB\\.-\u0161\u212aKk\u0131I0123456789";

    @Property(tries = 3000)
    void agreesWithFoldedContains(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<String> literals = IntStream.rangeClosed(0, rnd.nextInt(12))
                .mapToObj(i -> Folded.fold(random(rnd, ALPHABET, 3 + rnd.nextInt(6)))).toList();
        GramIndex index = GramIndex.of(literals);
        for (int k = 0; k < 10; k++) {
            String text = random(rnd, ALPHABET, rnd.nextInt(40));
            BitSet found = new BitSet();
            index.find(text, found::set);
            String folded = Folded.fold(text);
            for (int i = 0; i < literals.size(); i++) {
                assertThat(found.get(i)).as(literals.get(i) + " in '" + text + "'").isEqualTo(folded.contains(literals.get(i)));
            }
        }
    }

    private static String random(Random rnd, String alphabet, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return b.toString();
    }
}
