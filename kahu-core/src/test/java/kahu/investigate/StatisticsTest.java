package kahu.investigate;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsTest {
    private static StatsRow row(int category, StatsRow.Lead own, StatsRow.Lead campaign) {
        return new StatsRow("i", Instant.parse("2021-03-05T00:00:00Z"), category, "government", "org", own, campaign);
    }

    @Test
    void theShareCountsSeriousIncidentsWhoseOwnOrCampaignAttributionIsLikelyToASponsoredActor() {
        StatsRow.Lead apt40 = new StatsRow.Lead("apt40", "Leviathan (APT40)", 0.9, "CN");
        StatsRow.Lead weak = new StatsRow.Lead("apt40", "Leviathan (APT40)", 0.45, "CN");
        StatsRow.Lead criminal = new StatsRow.Lead("dearcry", "DearCry", 0.97, null);
        StatsRow.Lead unknown = new StatsRow.Lead(null, "unknown or unlisted actor", 0.8, null);
        List<StatsRow> rows = new ArrayList<>();
        rows.add(row(3, apt40, null));          // linked
        rows.add(row(2, weak, apt40));          // linked through its campaign
        rows.add(row(3, weak, null));           // a realistic possibility is not enough
        rows.add(row(3, criminal, null));       // no state sponsor
        rows.add(row(3, unknown, null));
        for (int i = 0; i < 5; i++) rows.add(row(4 + i % 3, apt40, null)); // not serious: not counted
        Statistics s = Statistics.of(rows, null, null);
        assertThat(s.incidents()).isEqualTo(10);
        assertThat(s.serious()).isEqualTo(5);
        assertThat(s.linked()).isEqualTo(2);
        assertThat(s.share()).isEqualTo(0.4);
        assertThat(s.statement()).startsWith("About 40% of serious malicious cyber activity can be linked to state-sponsored actors");
        assertThat(s.byActor()).containsEntry("Leviathan (APT40)", 2);
        assertThat(s.bySponsor()).containsEntry("CN", 2);
        assertThat(s.method()).contains("likely").contains("category 1 to 3");
        assertThat(Statistics.of(rows, Instant.parse("2021-04-01T00:00:00Z"), null).incidents()).isZero();
    }
}
