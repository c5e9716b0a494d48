package kahu.ingest;

import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class W3cLogReaderTest {

    @Test
    void readsRecordsWithTheColumnsOfTheLatestFieldsDirective() {
        Path file = Reading.resource("u_ex210303.log");
        Reading r = Reading.of(new W3cLogReader(), file);

        assertThat(r.events()).hasSize(4);
        Event first = r.events().getFirst();
        assertThat(first.source()).isEqualTo(file.toString());
        assertThat(first.record()).isEqualTo(5);
        assertThat(first.location()).isEqualTo(file + ":5");
        assertThat(first.format()).isEqualTo("iis");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2021-03-02T09:15:02Z"));
        assertThat(first.fields()).containsEntry("date", "2021-03-02").containsEntry("time", "09:15:02")
                .containsEntry("s-ip", "192.0.2.10").containsEntry("cs-method", "POST")
                .containsEntry("cs-uri-stem", "/EWS/Exchange.asmx")
                .containsEntry("cs-uri-query", "&CorrelationID=<empty>;&cafeReqId=0d8e2f61-5a3c-4b7e-9f10-6c2b8a4d1e01;")
                .containsEntry("s-port", "443").containsEntry("cs-username", "EXAMPLE\\alice")
                .containsEntry("c-ip", "198.51.100.23")
                .containsEntry("cs(User-Agent)", "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.13801;+Pro)")
                .containsEntry("cs(Referer)", "-").containsEntry("sc-status", "200").containsEntry("sc-substatus", "0")
                .containsEntry("sc-win32-status", "0").containsEntry("time-taken", "31").hasSize(15);
        assertThat(first.normalized())
                .containsEntry("@timestamp", "2021-03-02T09:15:02Z")
                .containsEntry("source.ip", "198.51.100.23")
                .containsEntry("destination.ip", "192.0.2.10")
                .containsEntry("destination.port", 443L)
                .containsEntry("http.request.method", "POST")
                .containsEntry("url.path", "/EWS/Exchange.asmx")
                .containsEntry("url.original", "/EWS/Exchange.asmx?&CorrelationID=<empty>;&cafeReqId=0d8e2f61-5a3c-4b7e-9f10-6c2b8a4d1e01;")
                .containsEntry("http.response.status_code", 200L)
                .containsEntry("user_agent.original", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13801; Pro)")
                .containsEntry("user.name", "EXAMPLE\\alice")
                .containsEntry("event.dataset", "iis")
                .containsEntry("log.file.path", file.toString())
                .containsEntry("event.duration", 31_000_000L)
                .doesNotContainKey("http.request.referrer");

        Event webShell = r.events().get(2);
        assertThat(webShell.normalized()).doesNotContainKeys("url.query", "user.name")
                .containsEntry("url.original", "/owa/auth/x7k2.aspx");

        Event cookie = r.events().get(3);
        assertThat(cookie.record()).isEqualTo(12);
        assertThat(cookie.text("cs(Cookie)")).contains("X-BEResource=exch01.corp.example/mapi/emsmdb/?#~1942062522;");
        assertThat(cookie.fields()).hasSize(16);

        assertThat(r.problemTexts()).containsExactly(file + ":13: expected 16 fields (#Fields: at line 11), found 14; skipped");
        assertThat(r.summary().events()).isEqualTo(4);
        assertThat(r.summary().skipped()).isEqualTo(1);
        assertThat(r.summary().bytes()).isEqualTo(file.toFile().length());
    }

    @Test
    void recordsBeforeAnyFieldsDirectiveUseTheIisDefaults() {
        Reading r = Reading.of(new W3cLogReader(), Source.ofText("x.log",
                "2021-03-03 02:41:07 192.0.2.10 GET /owa/ - 443 - 203.0.113.50 curl/7.68.0 - 302 0 0 3\n"
                        + "2021-03-03 02:41:08.250 192.0.2.10 GET /owa/ - 443 - 203.0.113.50 curl/7.68.0 - 302 0 0\n"
                        + "2021-13-03 02:41:07 192.0.2.10 GET /owa/ - 443 - 203.0.113.50 curl/7.68.0 - 302 0 0 3\n"));
        assertThat(r.events()).hasSize(1);
        assertThat(r.events().getFirst().text("cs-uri-stem")).isEqualTo("/owa/");
        assertThat(r.problemTexts()).containsExactly(
                "x.log:2: expected 15 fields (IIS defaults, no #Fields: directive), found 14; skipped",
                "x.log:3: invalid date '2021-13-03'; skipped");
    }

    @Test
    void fractionalSecondsAreKept() {
        Reading r = Reading.of(new W3cLogReader(), Source.ofText("x.log",
                "#Fields: date time c-ip\n2021-03-03 02:41:08.250 203.0.113.50\n"));
        assertThat(r.events().getFirst().timestamp()).isEqualTo(Instant.parse("2021-03-03T02:41:08.250Z"));
    }

    @Test
    void theRealTunnaIisLogReadsWithoutProblems() {
        Path file = SharedData.root().resolve("attack-datasets/evtx-attack-samples/Command and Control/Tunna_rdp_tunnel_IIS.log");
        Reading r = Reading.of(new W3cLogReader(), file);

        assertThat(r.problems()).isEmpty();
        // 4,308 lines: 2 directive blocks of 4, 1 comment line, 1 empty line, 4,298 records.
        assertThat(r.summary().events()).isEqualTo(4298);
        assertThat(r.summary().skipped()).isZero();
        assertThat(r.summary().bytes()).isEqualTo(file.toFile().length());
        Event first = r.events().getFirst();
        assertThat(first.record()).isEqualTo(7);
        assertThat(first.text("cs-uri-query")).isEqualTo("proxy&port=3389&ip=127.0.0.1");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2019-09-03T10:13:36Z"));
        assertThat(r.events().getLast().record()).isEqualTo(4308);
    }
}
