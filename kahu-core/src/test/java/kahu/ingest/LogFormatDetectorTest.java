package kahu.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatDetectorTest {

    @ParameterizedTest
    @CsvSource({
            "u_ex210303.log, IIS_W3C",
            "HttpProxy_2021030302-1.LOG, EXCHANGE_CSV",
            "httpproxy-header-row.csv, EXCHANGE_CSV",
            "syslog.log, SYSLOG",
            "access.log, ACCESS_LOG",
            "conn.log, ZEEK_JSON",
            "winlogbeat.ndjson, WINLOGBEAT_JSON",
            "generic.jsonl, JSON_LINES",
    })
    void detectsEachSampleFormat(String resource, LogFormat expected) throws IOException {
        assertThat(LogFormatDetector.detect(Source.of(Reading.resource(resource)))).isEqualTo(expected);
    }

    @Test
    void detectsFromFirstLines() {
        assertThat(detect("#Fields: date time c-ip\n")).isEqualTo(LogFormat.IIS_W3C);
        assertThat(detect("\uFEFF#Software: Microsoft Internet Information Services 8.5\r\n")).isEqualTo(LogFormat.IIS_W3C);
        assertThat(detect("#Fields: DateTime,RequestId\n")).isEqualTo(LogFormat.EXCHANGE_CSV);
        assertThat(detect("#Software: Microsoft Exchange Server\n#Version: 15.01\n")).isEqualTo(LogFormat.EXCHANGE_CSV);
        assertThat(detect("<13>1 2021-03-03T02:42:00Z h a - - - m\n")).isEqualTo(LogFormat.SYSLOG);
        assertThat(detect("Mar  3 02:41:07 exch01 sshd[4123]: x\n")).isEqualTo(LogFormat.SYSLOG);
        assertThat(detect("{\"ts\":1.5,\"id.orig_h\":\"192.0.2.1\"}\n")).isEqualTo(LogFormat.ZEEK_JSON);
        assertThat(detect("\n\n{\"winlog\":{\"event_id\":4624}}\n")).isEqualTo(LogFormat.WINLOGBEAT_JSON);
        assertThat(detect("hello\nworld\n")).isEqualTo(LogFormat.UNKNOWN);
        assertThat(detect("")).isEqualTo(LogFormat.UNKNOWN);
        assertThat(LogFormatDetector.detect("ElfFile\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(LogFormat.EVTX);
    }

    @Test
    void overrideNamesParse() {
        assertThat(LogFormat.parse("iis")).isEqualTo(LogFormat.IIS_W3C);
        assertThat(LogFormat.parse("W3C")).isEqualTo(LogFormat.IIS_W3C);
        assertThat(LogFormat.parse("exchange_csv")).isEqualTo(LogFormat.EXCHANGE_CSV);
        assertThat(LogFormat.parse("nginx")).isEqualTo(LogFormat.ACCESS_LOG);
        assertThat(LogFormat.parse("ndjson")).isEqualTo(LogFormat.JSON_LINES);
        assertThatThrownBy(() -> LogFormat.parse("csvx")).hasMessage("unknown log format: csvx");
    }

    private static LogFormat detect(String text) {
        return LogFormatDetector.detect(text.getBytes(StandardCharsets.UTF_8));
    }
}
