package kahu.detect.ioc;

import kahu.ingest.Event;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorEventMatchTest {
    private static final Instant T = Instant.parse("2026-03-03T04:05:06Z");

    private final IndicatorSet set = IndicatorSet.of(List.of(
            new Indicator(IndicatorType.IPV4, "203.0.113.0/24", "kb:apt40", "kahu:apt40", null, null),
            new Indicator(IndicatorType.DOMAIN, "example.org", "feed", null, T.minusSeconds(3600), T.minusSeconds(60)),
            Indicator.of(IndicatorType.MD5, "0123456789abcdef0123456789abcdef", "feed"),
            Indicator.of(IndicatorType.FILE_PATH, "C:\\inetpub\\wwwroot\\x.aspx", "mstic")));

    @Test
    void matchesEventFieldsByTypeAndKeepsOnlyIndicatorsValidAtTheEventTime() {
        Event web = new Event("u_ex.log", 7, "iis", T, Map.of("c-ip", "203.0.113.9"), Map.of("url.domain", "mail.example.org"));
        Event proc = new Event("sysmon.evtx", 12, "evtx", T,
                Map.of("Hashes", "MD5=0123456789ABCDEF0123456789ABCDEF", "TargetFilename", "c:\\inetpub\\wwwroot\\X.aspx"), Map.of());
        assertThat(EventIndicators.matches(set, web)).extracting(Indicator::actorKey).containsExactly("kahu:apt40"); // domain expired a minute ago
        assertThat(EventIndicators.matches(set, proc)).extracting(Indicator::source).containsExactlyInAnyOrder("feed", "mstic");
    }
}
