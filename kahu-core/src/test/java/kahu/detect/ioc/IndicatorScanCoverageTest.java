package kahu.detect.ioc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of synthetic indicator, planted in an IIS-like line, is found by the text scanner and by match(). */
class IndicatorScanCoverageTest {
    private static final List<Indicator> INDICATORS = SyntheticIndicators.generate(20_000, 11);
    private static final IndicatorSet SET = IndicatorSet.of(INDICATORS);

    @Test
    void findsEachPlantedIndicator() {
        for (Indicator ind : INDICATORS.subList(0, 3_000)) {
            String v = ind.value();
            if (v.contains("/") && (ind.type() == IndicatorType.IPV4 || ind.type() == IndicatorType.IPV6)) {
                v = v.substring(0, v.indexOf('/') - 1) + "9"; // an address inside the range
            }
            String line = "2026-11-28 16:36:02 10.0.0.5 GET /owa/auth/logon.aspx q=" + v + "&x=1 443 CONTOSO\\jdoe 192.0.2.7 "
                    + "Mozilla/5.0+(Windows+NT+10.0) https://mail.contoso.com/owa/ mail.contoso.com 200 0 0 15";
            assertThat(SET.scanAll(line)).as(ind + " in " + line).extracting(TextMatch::indicator).contains(ind);
            assertThat(SET.match(ind.type(), v)).as(ind.toString()).contains(ind);
        }
    }

    @Test
    void ordinaryLinesHitNothing() {
        String line = "2026-11-28 16:36:02 10.0.0.5 GET /owa/auth/logon.aspx q=1&x=1 443 CONTOSO\\jdoe 192.0.2.7 "
                + "Mozilla/5.0+(Windows+NT+10.0) https://mail.contoso.com/owa/ mail.contoso.com 200 0 0 15";
        assertThat(SET.scanAll(line)).isEmpty();
    }
}
