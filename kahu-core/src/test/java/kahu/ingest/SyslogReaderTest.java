package kahu.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Year;

import static org.assertj.core.api.Assertions.assertThat;

class SyslogReaderTest {
    private final SyslogReader reader = new SyslogReader(ReadOptions.DEFAULTS.withSyslogYear(Year.of(2021)));

    @Test
    void readsRfc3164Rfc5424AndRsyslogLines() {
        Reading r = Reading.of(reader, Reading.resource("syslog.log"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.events()).hasSize(5);

        Event bsd = r.events().get(0); // the RFC 3164 section 5.4 example shape
        assertThat(bsd.timestamp()).isEqualTo(Instant.parse("2021-10-11T22:14:15Z"));
        assertThat(bsd.fields()).containsEntry("priority", 34L).containsEntry("facility", 4L).containsEntry("severity", 2L)
                .containsEntry("hostname", "mymachine").containsEntry("app_name", "su")
                .containsEntry("message", "'su root' failed for lonvick on /dev/pts/8");
        assertThat(bsd.normalized()).containsEntry("log.syslog.facility.code", 4L).containsEntry("log.syslog.severity.code", 2L)
                .containsEntry("host.name", "mymachine").containsEntry("process.name", "su").containsEntry("event.dataset", "syslog");

        Event local = r.events().get(1); // a local file line: no PRI, space-padded day, TAG[PID]
        assertThat(local.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:41:07Z"));
        assertThat(local.fields()).containsEntry("app_name", "sshd").containsEntry("procid", "4123").doesNotContainKey("priority")
                .containsEntry("message", "Failed password for invalid user admin from 203.0.113.50 port 52144 ssh2");
        assertThat(local.normalized()).containsEntry("process.pid", 4123L);

        Event rfc5424 = r.events().get(2);
        assertThat(rfc5424.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:41:07.331Z"));
        assertThat(rfc5424.fields()).containsEntry("version", "1").containsEntry("hostname", "web01.corp.example")
                .containsEntry("app_name", "nginx").containsEntry("procid", "2211").containsEntry("msgid", "ACCESS")
                .containsEntry("origin.ip", "192.0.2.10").containsEntry("origin.software", "nginx")
                .containsEntry("meta.sequenceId", "17").containsEntry("meta.note", "a \"quoted\" ]")
                .containsEntry("message", "GET /ecp/y.js");
        assertThat(rfc5424.normalized()).containsEntry("log.syslog.msgid", "ACCESS").containsEntry("log.syslog.priority", 165L);

        Event nil = r.events().get(3);
        assertThat(nil.timestamp()).isEqualTo(Instant.parse("2021-03-03T01:42:00Z"));
        assertThat(nil.fields()).doesNotContainKeys("app_name", "procid", "msgid", "message", "structured_data");

        Event rsyslog = r.events().get(4);
        assertThat(rsyslog.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:45:00.123456Z"));
        assertThat(rsyslog.fields()).containsEntry("hostname", "exch01").containsEntry("app_name", "kernel")
                .containsEntry("message", "[ 12.345] usb 1-1: new device");
    }

    @Test
    void rfc3164YearsMoveOnOverNewYear() {
        Reading r = Reading.of(reader, Source.ofText("s.log", "Dec 31 23:59:59 h a: old\nJan  1 00:00:01 h a: new\n"));
        assertThat(r.events()).extracting(Event::timestamp)
                .containsExactly(Instant.parse("2021-12-31T23:59:59Z"), Instant.parse("2022-01-01T00:00:01Z"));
    }

    @Test
    void withoutAConfiguredYearNoLineIsPutInTheFuture() {
        java.time.LocalDate future = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(40);
        String mmm = future.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        Reading r = Reading.of(new SyslogReader(), Source.ofText("s.log", String.format("%s %2d 10:00:00 h a: m%n", mmm, Math.min(future.getDayOfMonth(), 28))));
        assertThat(r.events().getFirst().timestamp()).isBefore(Instant.now());
    }

    @Test
    void reportsLinesThatAreNotSyslog() {
        Reading r = Reading.of(reader, Source.ofText("s.log", "hello world\n<999>Oct 11 22:14:15 h t: m\n<34>1 2021-99-03T02:41:07Z h a p m - x\n"));
        assertThat(r.events()).isEmpty();
        assertThat(r.problemTexts()).containsExactly(
                "s.log:1: not a syslog line: no <PRI> and no timestamp; skipped",
                "s.log:2: invalid syslog priority '<999>'; skipped",
                "s.log:3: invalid RFC 5424 timestamp '2021-99-03T02:41:07Z'; skipped");
    }
}
