package kahu.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdjustedRandTest {
    @Test
    void identicalClusteringsUpToNamesScoreOneAndCrossedOnesScoreBelowChance() {
        assertThat(AdjustedRand.of(List.of("a", "a", "b", "b"), List.of("x", "x", "y", "y"))).isEqualTo(1.0);
        // Every pair split the other way: worse than chance.
        assertThat(AdjustedRand.of(List.of("a", "a", "b", "b"), List.of("x", "y", "x", "y"))).isCloseTo(-0.5, within(1e-9));
        // One merge of two true clusters of 3 among 9 items.
        double merged = AdjustedRand.of(List.of("a", "a", "a", "b", "b", "b", "c", "c", "c"),
                List.of("x", "x", "x", "x", "x", "x", "z", "z", "z"));
        // index 9 pairs, expected 9 × 18 / 36 = 4.5, maximum 13.5: (9 − 4.5) / (13.5 − 4.5).
        assertThat(merged).isCloseTo(0.5, within(1e-9));
    }
}
