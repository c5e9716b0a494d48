package kahu.attribution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObservableValuesTest {
    @Test
    void everyEqualityComparisonOfAPatternIsRead() {
        assertThat(ObservableValues.ofPattern(
                "([ipv4-addr:value = '203.0.113.7'] OR [ipv6-addr:value = '2001:DB8::1']) AND "
                        + "[url:value = 'http://x.example/it\\'s'] AND [autonomous-system:number = 64500] "
                        + "AND [x509-certificate:hashes.'SHA-1' = 'ABCDEF'] AND [file:hashes.SHA256 = 'AA'] "
                        + "AND [file:name = 'ignored.exe'] AND [file:hashes.'SHA-512' = 'bb']"))
                .containsExactly(
                        new ObservableValues.Value(EvidenceKind.INFRASTRUCTURE, "ipv4-addr:203.0.113.7"),
                        new ObservableValues.Value(EvidenceKind.INFRASTRUCTURE, "ipv6-addr:2001:db8::1"),
                        new ObservableValues.Value(EvidenceKind.INFRASTRUCTURE, "url:http://x.example/it's"),
                        new ObservableValues.Value(EvidenceKind.INFRASTRUCTURE, "autonomous-system:AS64500"),
                        new ObservableValues.Value(EvidenceKind.INFRASTRUCTURE, "x509-sha1:abcdef"),
                        new ObservableValues.Value(EvidenceKind.FILE_HASH, "sha256:aa"));
    }

    @Test
    void patternsWithoutSupportedComparisonsGiveNothing() {
        assertThat(ObservableValues.ofPattern("[process:name = 'cmd.exe']")).isEmpty();
        assertThat(ObservableValues.ofPattern(null)).isEmpty();
        assertThat(ObservableValues.ofPattern("[domain-name:value LIKE '%.example']")).isEmpty();
    }

    @Test
    void sectorsMapToKahusList() {
        assertThat(IndustrySectors.kahuSector("government-national")).isEqualTo("government");
        assertThat(IndustrySectors.kahuSector("Defense")).isEqualTo("defence");
        assertThat(IndustrySectors.kahuSector("financial-services")).isEqualTo("financial");
        assertThat(IndustrySectors.kahuSector("maritime")).isEqualTo("maritime");
        assertThat(IndustrySectors.kahuSector("space-tourism")).isNull();
    }
}
