package kahu.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReadersTest {

    @Test
    void zeekLogsGetTheirFourTupleAndDataset() {
        Reading r = Reading.of(new ZeekJsonReader(), Reading.resource("conn.log"));
        assertThat(r.problems()).isEmpty();
        Event conn = r.events().getFirst();
        assertThat(conn.format()).isEqualTo("zeek");
        assertThat(conn.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:41:07.331284Z"));
        assertThat(conn.fields()).containsEntry("id.orig_h", "203.0.113.50").containsEntry("id.resp_p", 443L)
                .containsEntry("ts", "1614739267.331284").containsEntry("duration", "0.201");
        assertThat(conn.normalized()).containsEntry("event.dataset", "zeek.conn").containsEntry("source.ip", "203.0.113.50")
                .containsEntry("source.port", 52144L).containsEntry("destination.ip", "192.0.2.10").containsEntry("destination.port", 443L)
                .containsEntry("network.transport", "tcp").containsEntry("zeek.session_id", "CHhAvVGS1DHFjwGM9");

        Event http = r.events().get(1);
        assertThat(http.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:41:08Z"));
        assertThat(http.normalized()).containsEntry("event.dataset", "zeek.http").containsEntry("url.original", "/ecp/y.js")
                .containsEntry("http.request.method", "POST").containsEntry("http.response.status_code", 200L)
                .containsEntry("user_agent.original", "ExchangeServicesClient/0.0.0.0");
        assertThat(http.fields()).containsEntry("tags", List.of());
    }

    @Test
    void winlogbeatEventDataIsExposedUnderSigmaNames() {
        Reading r = Reading.of(new JsonLinesReader(), Reading.resource("winlogbeat.ndjson"));
        assertThat(r.problems()).isEmpty();
        Event e = r.events().getFirst();
        assertThat(e.format()).isEqualTo("winlogbeat");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:45:01.123Z"));
        assertThat(e.fields()).containsEntry("EventID", 1L).containsEntry("Channel", "Microsoft-Windows-Sysmon/Operational")
                .containsEntry("Computer", "exch01.corp.example").containsEntry("Provider_Name", "Microsoft-Windows-Sysmon")
                .containsEntry("EventRecordID", 4711L)
                .containsEntry("Image", "C:\\Windows\\System32\\cmd.exe").containsEntry("CommandLine", "cmd /c whoami")
                .containsEntry("ParentImage", "C:\\Windows\\System32\\inetsrv\\w3wp.exe")
                .containsEntry("winlog.event_data.CommandLine", "cmd /c whoami");
        assertThat(e.normalized()).containsEntry("process.command_line", "cmd /c whoami").containsEntry("host.name", "EXCH01")
                .containsEntry("event.code", "1").containsEntry("event.dataset", "winlogbeat").doesNotContainKey("winlog.channel");
    }

    @Test
    void windowsEventsInTheXmlShapeGetSigmaNames() {
        java.nio.file.Path file = kahu.testing.SharedData.root().resolve("attack-datasets/evtx-attack-samples/json/Lateral Movement/LM_Remote_Service02_7045.evtx.jsonl");
        Reading r = Reading.of(new JsonLinesReader(), file);
        assertThat(r.problems()).isEmpty();
        assertThat(r.events()).hasSize(3);
        Event e = r.events().getFirst();
        assertThat(e.format()).isEqualTo("windows-json");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2019-03-03T09:20:28.621489Z"));
        assertThat(e.fields()).containsEntry("EventID", 7045L).containsEntry("Channel", "System")
                .containsEntry("Computer", "WIN-77LTAPHIQ1R.example.corp").containsEntry("Provider_Name", "Service Control Manager")
                .containsEntry("EventRecordID", 4480L).containsEntry("ServiceName", "spoolfool").containsEntry("ImagePath", "cmd.exe")
                .containsEntry("Event.EventData.AccountName", "LocalSystem");
        assertThat(e.normalized()).containsEntry("event.code", "7045").containsEntry("host.name", "WIN-77LTAPHIQ1R.example.corp")
                .containsEntry("winlog.channel", "System").containsEntry("event.dataset", "windows");
    }

    @Test
    void everyWindowsJsonExportInTheSharedDataReads() throws java.io.IOException {
        java.nio.file.Path dir = kahu.testing.SharedData.root().resolve("attack-datasets/evtx-attack-samples/json");
        java.util.List<ReadProblem> problems = new java.util.ArrayList<>();
        java.util.List<Event> events = new java.util.ArrayList<>();
        java.util.List<ReadSummary> s = new LogIngest().read(java.util.List.of(dir), events::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(s).hasSize(42).allSatisfy(x -> assertThat(x.format()).isEqualTo(LogFormat.JSON_LINES));
        assertThat(events).hasSize(401).allSatisfy(e -> {
            assertThat(e.format()).isEqualTo("windows-json");
            assertThat(e.get("EventID")).isInstanceOf(Long.class);
            assertThat(e.timestamp()).isNotNull();
        });
    }

    @Test
    void genericJsonIsFlattened() {
        Reading r = Reading.of(new JsonLinesReader(), Reading.resource("generic.jsonl"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.events()).extracting(Event::record).containsExactly(1L, 3L);
        Event e = r.events().getFirst();
        assertThat(e.format()).isEqualTo("json");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:46:00Z"));
        assertThat(e.fields()).containsEntry("ctx.user.id", 42L).containsEntry("ctx.user.name", "alice")
                .containsEntry("ctx.tags", List.of("a", "b")).containsEntry("ctx.items", List.of("{\"k\":1}"))
                .containsEntry("ctx.score", "0.75").containsEntry("ctx.ok", "true").doesNotContainKey("ctx.none");
        assertThat(e.normalized()).containsEntry("event.dataset", "json").containsEntry("@timestamp", "2021-03-03T02:46:00Z");
        assertThat(r.events().get(1).normalized()).containsEntry("event.code", "4624").containsEntry("host.name", "dc01.corp.example");
    }

    @Test
    void badJsonLinesAreReportedAndSkipped() {
        Reading r = Reading.of(new JsonLinesReader(), Source.ofText("j.jsonl", "{\"a\":1}\n{\"a\":\n[1,2]\n{\"b\":2}\n{\"c\":3} {\"d\":4}\n"));
        assertThat(r.events()).extracting(Event::record).containsExactly(1L, 4L);
        assertThat(r.problems()).extracting(ReadProblem::line).containsExactly(2L, 3L, 5L);
        assertThat(r.problems().get(2).reason()).startsWith("invalid JSON: Trailing token");
        assertThat(r.problems().get(0).reason()).startsWith("invalid JSON: ").endsWith("; skipped");
        assertThat(r.problems().get(1).reason()).isEqualTo("not a JSON object; skipped");
    }
}
