package kahu.detect.ioc;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorLogScanTest {
    private final IndicatorSet set = IndicatorSet.of(List.of(
            Indicator.of(IndicatorType.IPV4, "198.51.100.7", "f"),
            Indicator.of(IndicatorType.DOMAIN, "evil.example.com", "f"),
            Indicator.of(IndicatorType.URL, "http://evil.example.com/a/b.php", "f")));

    @Test
    void reportsLineNumbersAndTheLineTextAcrossBlocks() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 50_000; i++) {
            log.append("2026-01-01 00:00:00 10.0.0.1 GET /index.html - 443 - ");
            log.append(i % 10_000 == 0 ? "198.51.100.7" : "192.0.2.1").append(" agent");
            if (i == 33_333) log.append(" http://EVIL.example.com/a/b.php?q=1");
            log.append(i % 2 == 0 ? "\r\n" : "\n");
        }
        log.append("last line without newline cdn.evil.example.com");
        List<String> hits = new ArrayList<>();
        long lines = LogScan.scan(set, new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.US_ASCII)),
                (line, ind, text, s, e) -> hits.add(line + ":" + ind.type() + ":" + text.subSequence(s, e)));
        assertThat(lines).isEqualTo(50_001);
        assertThat(hits).containsExactly(
                "10000:IPV4:198.51.100.7", "20000:IPV4:198.51.100.7", "30000:IPV4:198.51.100.7",
                "33333:URL:http://EVIL.example.com/a/b.php", "33333:DOMAIN:EVIL.example.com",
                "40000:IPV4:198.51.100.7", "50000:IPV4:198.51.100.7", "50001:DOMAIN:cdn.evil.example.com");
    }

    @Test
    void findsTheSameAsTheLineScanner() throws Exception {
        String line = "x 198.51.100.7 evil.example.com http://evil.example.com/a/b.php y";
        List<String> viaLog = new ArrayList<>();
        LogScan.scan(set, new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.US_ASCII)),
                (n, ind, text, s, e) -> viaLog.add(ind.value() + "@" + s + "-" + e));
        List<String> viaLine = set.scanAll(line).stream().map(m -> m.indicator().value() + "@" + m.start() + "-" + m.end()).toList();
        assertThat(viaLog).containsExactlyElementsOf(viaLine);
    }
}
