package kahu.ingest;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeCsvLogReaderTest {

    @Test
    void readsHttpProxyRowsByTheFieldsHeader() {
        Path file = Reading.resource("HttpProxy_2021030302-1.LOG");
        Reading r = Reading.of(new ExchangeCsvLogReader(), file);

        assertThat(r.problems()).isEmpty();
        assertThat(r.events()).hasSize(4);
        assertThat(r.events()).extracting(Event::record).containsExactly(6L, 7L, 8L, 9L);

        Event benign = r.events().getFirst();
        assertThat(benign.format()).isEqualTo("exchange-httpproxy");
        assertThat(benign.timestamp()).isEqualTo(Instant.parse("2021-03-02T09:15:02.114Z"));
        assertThat(benign.fields()).containsEntry("UserAgent", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13801; Pro)")
                .containsEntry("AuthenticatedUser", "alice@example.com").doesNotContainKey("BackEndCookie");
        assertThat(benign.normalized())
                .containsEntry("event.dataset", "exchange.httpproxy")
                .containsEntry("@timestamp", "2021-03-02T09:15:02.114Z")
                .containsEntry("source.ip", "198.51.100.23")
                .containsEntry("url.domain", "mail.example.com")
                .containsEntry("url.path", "/EWS/Exchange.asmx")
                .containsEntry("http.request.method", "POST")
                .containsEntry("http.response.status_code", 200L)
                .containsEntry("user.name", "alice@example.com")
                .containsEntry("host.name", "EXCH01")
                .containsEntry("exchange.protocol", "Ews")
                .containsEntry("exchange.anchor_mailbox", "Sid~S-1-5-21-1111111111-2222222222-3333333333-1104")
                .containsEntry("exchange.target_server", "exch01.corp.example")
                .containsEntry("exchange.routing_hint", "AnchorMailboxHeader-Sid")
                .containsEntry("log.file.path", file.toString());

        Event reset = r.events().get(3);
        assertThat(reset.text("AnchorMailbox")).startsWith("ServerInfo~exch01.corp.example/ecp/DDI/DDIService.svc/SetObject?")
                .endsWith("schema=ResetOABVirtualDirectory#");
        assertThat(reset.text("GenericErrors")).isEqualTo("Proxy error, \"BackEnd\" said: reset"); // quoted comma and doubled quotes
        assertThat(reset.normalized()).containsEntry("url.query", "a=1&b=2").containsEntry("url.original", "/ecp/y.js?a=1&b=2")
                .containsEntry("exchange.is_authenticated", "false").doesNotContainKey("user.name");
        assertThat(reset.text("totalrequesttime")).isEqualTo("412"); // case-insensitive lookup
    }

    @Test
    void acceptsAnImportCsvStyleHeaderRowWithOtherCase() {
        Reading r = Reading.of(new ExchangeCsvLogReader(), Reading.resource("httpproxy-header-row.csv"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.fields()).containsEntry("ClientIPAddress", "203.0.113.50");
            assertThat(e.normalized()).containsEntry("source.ip", "203.0.113.50").containsEntry("event.dataset", "exchange.httpproxy"); // from the file name
        });
    }

    @Test
    void reportsRowsThatDoNotFitTheHeader() {
        Reading r = Reading.of(new ExchangeCsvLogReader(), Source.ofText("Logging/ECP/Server/ECPServer_2021030302-1.LOG",
                "2021-03-03T02:00:00.000Z,x\n"
                        + "#Fields: DateTime,RequestId,UrlStem\n"
                        + "2021-03-03T02:41:07.331Z,r1,\"/ecp/a,b.js\"\n"
                        + "2021-03-03T02:41:07.331Z,r2\n"
                        + "2021-03-03T02:41:07.331Z,r3,\"/ecp/open\n"
                        + "yesterday,r4,/ecp/\n"));
        assertThat(r.events()).hasSize(2);
        assertThat(r.events().get(0).fields()).containsExactly(java.util.Map.entry("message", "2021-03-03T02:00:00.000Z,x"));
        assertThat(r.events().get(1)).satisfies(e -> {
            assertThat(e.text("UrlStem")).isEqualTo("/ecp/a,b.js");
            assertThat(e.format()).isEqualTo("exchange-ecp-server");
            assertThat(e.normalized()).containsEntry("event.original", "2021-03-03T02:41:07.331Z,r1,\"/ecp/a,b.js\"");
        });
        String f = "Logging/ECP/Server/ECPServer_2021030302-1.LOG";
        assertThat(r.problemTexts()).containsExactly(
                f + ":1: no #Fields: or header row before this record; records kept as raw text in field 'message'",
                f + ":4: expected 3 columns (header at line 2), found 2; skipped",
                f + ":5: unterminated quoted field in column 3; skipped",
                f + ":6: invalid DateTime 'yesterday'; skipped");
        assertThat(r.summary().skipped()).isEqualTo(3);
        assertThat(r.summary().problems()).isEqualTo(4);
    }

    @Test
    void logTypeGivesTheDataset() {
        assertThat(ExchangeCsvLogReader.datasetFromLogType(" HttpProxy Logs")).isEqualTo("exchange.httpproxy");
        assertThat(ExchangeCsvLogReader.datasetFromLogType("ECP Server Logs")).isEqualTo("exchange.ecp.server");
    }
}
