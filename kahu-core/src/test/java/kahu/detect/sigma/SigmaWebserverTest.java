package kahu.detect.sigma;

import kahu.ingest.Event;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Webserver rules on IIS W3C events: dispatch by reader format and the W3C field names. */
class SigmaWebserverTest {
    static Event iis(String method, String stem, String query, String agent) {
        return iis(method, stem, query, agent, 200);
    }

    static Event iis(String method, String stem, String query, String agent, long status) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cs-method", method);
        f.put("cs-uri-stem", stem);
        f.put("cs-uri-query", query);
        f.put("cs-uri", query.equals("-") ? stem : stem + "?" + query);
        f.put("cs(User-Agent)", agent);
        f.put("sc-status", status);
        return new Event("u_ex210302.log", 7, "iis", null, f, Map.of());
    }

    @Test
    void hafniumAndProxyShellRulesMatchIisEvents() {
        Path sigma = SharedData.root().resolve("sigma/rules-emerging-threats/2021");
        LoadResult r = SigmaRuleLoader.load(sigma.resolve("TA/HAFNIUM/web_exchange_exploitation_hafnium.yml"),
                sigma.resolve("Exploits/ProxyShell-Exploit/web_exchange_proxyshell.yml"));
        assertThat(r.rejected()).isEmpty();
        SigmaEngine engine = SigmaEngine.compile(r);

        assertThat(engine.matches(iis("POST", "/ecp/y.js", "-", "ExchangeServicesClient/0.0.0.0")))
                .extracting(m -> m.rule().title()).containsExactly("Exchange Exploitation Used by HAFNIUM");
        assertThat(engine.matches(iis("POST", "/owa/auth/Current/themes/resources/logon.css", "x=1", "curl")))
                .extracting(m -> m.rule().title()).containsExactly("Exchange Exploitation Used by HAFNIUM");
        assertThat(engine.matches(iis("GET", "/autodiscover/autodiscover.json", "@evil.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.com", "python", 401)))
                .extracting(m -> m.rule().title()).contains("Exchange ProxyShell Pattern");
        assertThat(engine.matches(iis("GET", "/owa/", "-", "Mozilla/5.0"))).isEmpty();

        // A Windows event with the same field values is not a webserver log: not tested.
        Map<String, Object> win = new LinkedHashMap<>(iis("POST", "/ecp/y.js", "-", "ExchangeServicesClient/0.0.0.0").fields());
        win.put("Channel", "Security");
        win.put("EventID", 4688L);
        assertThat(engine.matches(new Event("x", 1, "windows-json", null, win, Map.of()))).isEmpty();
    }
}
