package kahu.ingest;

import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogReaderTest {

    @Test
    void readsCombinedAndCommonLines() {
        Reading r = Reading.of(new AccessLogReader(), Reading.resource("access.log"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.events()).hasSize(3);

        Event shell = r.events().getFirst();
        assertThat(shell.format()).isEqualTo("apache");
        assertThat(shell.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:41:07Z"));
        assertThat(shell.fields()).containsEntry("remote_host", "203.0.113.50").containsEntry("method", "GET")
                .containsEntry("uri", "/owa/auth/x7k2.aspx?cmd=whoami").containsEntry("protocol", "HTTP/1.1")
                .containsEntry("status", "200").containsEntry("bytes", "512").containsEntry("user_agent", "python-requests/2.25.1");
        assertThat(shell.normalized()).containsEntry("source.ip", "203.0.113.50").containsEntry("url.path", "/owa/auth/x7k2.aspx")
                .containsEntry("url.query", "cmd=whoami").containsEntry("http.response.status_code", 200L)
                .containsEntry("http.response.body.bytes", 512L).containsEntry("http.version", "1.1")
                .containsEntry("user_agent.original", "python-requests/2.25.1").doesNotContainKey("http.request.referrer");

        Event login = r.events().get(1);
        assertThat(login.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:00:00Z"));
        assertThat(login.normalized()).containsEntry("user.name", "alice").containsEntry("http.request.referrer", "https://www.example.com/start")
                .doesNotContainKey("http.response.body.bytes");
        assertThat(login.text("user_agent")).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) \\\"quoted\\\" agent");

        Event common = r.events().get(2);
        assertThat(common.timestamp()).isEqualTo(Instant.parse("2021-03-03T08:01:00Z"));
        assertThat(common.fields()).doesNotContainKeys("referer", "user_agent");
    }

    @Test
    void reportsLinesThatAreNotAccessLogLines() {
        Reading r = Reading.of(new AccessLogReader(), Source.ofText("a.log",
                "just text\n1.2.3.4 - - [03/Mar/2021:02:41:07 +0000] \"GET / HTTP/1.1\" 2000 5\n1.2.3.4 - - [03/Foo/2021:02:41:07 +0000] \"GET / HTTP/1.1\" 200 5\n"));
        assertThat(r.problemTexts()).containsExactly(
                "a.log:1: not an access log line: too few fields; skipped",
                "a.log:2: not an access log line: status '2000' is not a 3-digit code; skipped",
                "a.log:3: invalid time '03/Foo/2021:02:41:07 +0000'; skipped");
    }

    @Test
    void theRealTomcatAccessLogReads() {
        Path file = SharedData.root().resolve("attack-datasets/evtx-attack-samples/Command and Control/web_attack_and_isp_webshell_localhost_access_log.txt");
        Reading r = Reading.of(new AccessLogReader(), file);

        assertThat(r.summary().events()).isEqualTo(2661);
        assertThat(r.summary().skipped()).isZero();
        // Line 27 is a TLS hello sent to the plain-HTTP port; Tomcat logged its raw bytes as the request line.
        assertThat(r.problemTexts()).containsExactly(file + ":27: invalid UTF-8 on 1 line (first here); bad bytes replaced by U+FFFD");
        assertThat(r.events().get(26).text("status")).isEqualTo("400");
        assertThat(r.events().get(3).normalized()).containsEntry("url.path", "/manager/html;jsessionid=79939A18DC04E30A98E7DC07067A4FD8")
                .containsEntry("http.response.status_code", 401L);
    }
}
