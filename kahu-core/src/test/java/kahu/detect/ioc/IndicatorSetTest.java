package kahu.detect.ioc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static kahu.detect.ioc.IndicatorType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorSetTest {
    private static final String SHA256_A = "8e90ed33c7ee82c0b64078ea36ec95f7420ba435c693b3b3dd728b494abf7dfc";

    private final IndicatorSet set = IndicatorSet.of(List.of(
            new Indicator(IPV4, "198.51.100.7", "feed-a", "kahu:apt40", null, null),
            new Indicator(IPV4, "198.51.100.7", "feed-b", null, null, null),
            Indicator.of(IPV4, "203.0.113.0/24", "feed-a"),
            Indicator.of(IPV4, "10.0.0.0/8", "feed-a"),
            Indicator.of(IPV6, "2001:db8::dead:beef", "feed-a"),
            Indicator.of(IPV6, "2001:db8:1::/48", "feed-a"),
            Indicator.of(DOMAIN, "Evil.Example.COM", "feed-a"),
            Indicator.of(DOMAIN, "bad.org.", "feed-a"),
            Indicator.of(URL, "HTTP://Mail.Example.org:80/owa/auth/x.aspx", "feed-a"),
            Indicator.of(MD5, "0123456789ABCDEF0123456789ABCDEF", "feed-a"),
            Indicator.of(SHA1, "0123456789abcdef0123456789abcdef01234567", "feed-a"),
            Indicator.of(SHA256, SHA256_A, "feed-a"),
            Indicator.of(FILE_NAME, "Invoice.EXE", "feed-a"),
            Indicator.of(FILE_PATH, "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\shell.aspx", "feed-a"),
            Indicator.of(EMAIL, "Spy@Bad.org", "feed-a")));

    @Test
    void matchesAddressesAndRanges() {
        assertThat(set.match(IPV4, "198.51.100.7")).extracting(Indicator::source).containsExactlyInAnyOrder("feed-a", "feed-b");
        assertThat(set.match(IPV4, "198.51.100.7")).extracting(Indicator::actorKey).contains("kahu:apt40");
        assertThat(set.match(IPV4, "203.0.113.250")).extracting(Indicator::value).containsExactly("203.0.113.0/24");
        assertThat(set.match(IPV4, "10.200.1.1")).hasSize(1);
        assertThat(set.match(IPV4, "11.0.0.1")).isEmpty();
        assertThat(set.match(IPV4, "198.51.100.70")).isEmpty();
        assertThat(set.match(IPV6, "2001:0db8:0000:0000:0000:0000:dead:beef")).hasSize(1);
        assertThat(set.match(IPV6, "2001:db8:1:ffff::1")).extracting(Indicator::value).containsExactly("2001:db8:1::/48");
        assertThat(set.match(IPV6, "2001:db8:2::1")).isEmpty();
    }

    @Test
    void matchesDomainsWithSubDomainsButNotLookAlikes() {
        assertThat(set.match(DOMAIN, "evil.example.com")).hasSize(1);
        assertThat(set.match(DOMAIN, "a.b.EVIL.example.com")).hasSize(1);
        assertThat(set.match(DOMAIN, "notevil.example.com")).isEmpty();
        assertThat(set.match(DOMAIN, "example.com")).isEmpty();
        assertThat(set.match(DOMAIN, "x.bad.org")).hasSize(1);
    }

    @Test
    void matchesNormalisedUrlsHashesNamesAndAddresses() {
        assertThat(set.match(URL, "http://mail.example.org/owa/auth/x.aspx")).hasSize(1);
        assertThat(set.match(URL, "http://mail.example.org/OWA/auth/x.aspx")).hasSize(1); // IIS paths are case-insensitive
        assertThat(set.match(URL, "http://mail.example.org/owa/auth/y.aspx")).isEmpty();
        assertThat(set.match(MD5, "0123456789abcdef0123456789abcdef")).hasSize(1);
        assertThat(set.match(SHA1, "0123456789ABCDEF0123456789ABCDEF01234567")).hasSize(1);
        assertThat(set.match(SHA256, SHA256_A.toUpperCase())).hasSize(1);
        assertThat(set.match(SHA256, SHA256_A.replace('8', '9'))).isEmpty();
        assertThat(set.match(FILE_NAME, "invoice.exe")).hasSize(1);
        assertThat(set.match(FILE_NAME, "C:\\Users\\x\\INVOICE.exe")).hasSize(1);
        assertThat(set.match(FILE_PATH, "c:/inetpub/wwwroot/aspnet_client/system_web/SHELL.aspx")).hasSize(1);
        assertThat(set.match(EMAIL, "spy@bad.org")).hasSize(1);
    }

    @Test
    void scansIisLinesForEveryIndicatorKind() {
        String line = "2026-03-03 04:05:06 10.1.2.3 POST /aspnet_client/system_web/shell.aspx - 443 - 198.51.100.7 "
                + "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) http://mail.example.org/owa/auth/x.aspx?a=1 200 0 0 15 "
                + "cdn.evil.example.com. " + SHA256_A + " invoice.exe spy@bad.org 2001:db8::dead:beef 12:34:56 "
                + "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\shell.aspx";
        List<TextMatch> found = set.scanAll(line);
        assertThat(found).extracting(m -> m.indicator().value()).containsExactlyInAnyOrder(
                "10.0.0.0/8", "198.51.100.7", "198.51.100.7", "HTTP://Mail.Example.org:80/owa/auth/x.aspx", "Evil.Example.COM",
                SHA256_A, "Invoice.EXE", "Spy@Bad.org", "bad.org.", "2001:db8::dead:beef",
                "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\shell.aspx");
        TextMatch domain = found.stream().filter(m -> m.indicator().type() == DOMAIN && m.indicator().source().equals("feed-a")
                && m.indicator().value().startsWith("Evil")).findFirst().orElseThrow();
        assertThat(line.substring(domain.start(), domain.end())).isEqualTo("cdn.evil.example.com");
    }

    @Test
    void findsNothingInOrdinaryLines() {
        assertThat(set.scanAll("2026-03-03 04:05:06 192.0.2.1 GET /owa/ - 443 - 192.0.2.44 Mozilla/5.0 example.com 304 0 0 3")).isEmpty();
        assertThat(set.scanAll("")).isEmpty();
        assertThat(set.scanAll("... --- @@@ ::: 1.2.3 999.1.1.1 0123456789abcdef")).isEmpty();
    }

    @Test
    void rejectsMalformedIndicatorsWithTheReason() {
        assertThatThrownBy(() -> Indicator.of(IPV4, "300.1.1.1", "x")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> Indicator.of(SHA256, "abc", "x")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> Indicator.of(DOMAIN, "evil com", "x")).hasMessageContaining("not a domain");
        assertThatThrownBy(() -> Indicator.of(EMAIL, "nobody", "x")).hasMessageContaining("not an e-mail");
    }

    @Test
    void parsesIpv6LikeTheLibrary() {
        for (String a : List.of("::1", "::", "2001:db8::", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "1::8", "2001:db8:0:0:1::1")) {
            long[] mine = Addresses.ipv6(a, 0, a.length());
            long[] lib = Addresses.ipv6Indicator(a);
            assertThat(mine).as(a).containsExactly(lib[0], lib[1]);
        }
        for (String bad : List.of("1:2:3", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", ":1:2", "g::1")) {
            assertThat(Addresses.ipv6(bad, 0, bad.length())).as(bad).isNull();
        }
    }
}
