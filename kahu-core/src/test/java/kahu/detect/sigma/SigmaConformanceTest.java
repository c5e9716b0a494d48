package kahu.detect.sigma;

import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the public Sigma rule set is loaded or rejected with a reason, and at least 99% load. */
class SigmaConformanceTest {
    static final String[] FOLDERS = {"rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance"};

    static Path[] ruleDirs() {
        Path sigma = SharedData.root().resolve("sigma");
        Path[] dirs = new Path[FOLDERS.length];
        for (int i = 0; i < FOLDERS.length; i++) dirs[i] = sigma.resolve(FOLDERS[i]);
        return dirs;
    }

    @Test
    void everyRuleIsLoadedOrRejectedWithAReason() {
        LoadResult r = SigmaRuleLoader.load(ruleDirs());
        Map<String, Integer> reasons = new TreeMap<>();
        for (Rejection x : r.rejected()) {
            assertThat(x.reason()).as(x.file().toString()).isNotBlank();
            reasons.merge(x.reason().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
        }
        reasons.forEach((k, v) -> System.out.println("rejected " + v + " × " + k));
        System.out.println("loaded " + r.loaded().size() + " of " + r.total());
        Map<String, Integer> notes = new TreeMap<>();
        for (SigmaRule rule : r.loaded()) for (String n : rule.notes()) notes.merge(n, 1, Integer::sum);
        notes.forEach((k, v) -> System.out.println("note " + v + " × " + k));
        assertThat(r.total()).isEqualTo(3780);
        assertThat(r.loaded().size()).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * 3780));
        assertThat(r.loaded()).extracting(SigmaRule::id).doesNotHaveDuplicates();
    }
}
