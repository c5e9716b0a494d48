package kahu.detect;

import kahu.detect.ioc.Indicator;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.ioc.IndicatorType;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.ingest.ReadOptions;
import kahu.ingest.evtx.EvtxLogReader;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan over a folder of damaged logs: a damaged and a truncated EVTX file, and an IIS log with binary garbage,
 * a 10 MB line and invalid UTF-8 between good lines. Each bad record is reported with its file and line or
 * record, counted as skipped (per file in the summary), and the scan still finds what the good lines hold.
 */
class ScanPipelineBadInputTest {
    private static final Path SYSMON = SharedData.root().resolve(
            "attack-datasets/evtx-attack-samples/Credential Access/discovery_sysmon_1_iis_pwd_and_config_discovery_appcmd.evtx");
    private static final int FILE_HEADER = 4096, CHUNK = 65536;
    private static final String FIELDS = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
            + "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n";
    private static final String PROXYLOGON = "2021-03-04 10:02:11 192.0.2.20 POST /ecp/x1z.js - 443 - 203.0.113.66 "
            + "ExchangeServicesClient/0.0.0.0 - 200 0 0 88\n";
    private static final String BENIGN = "2021-03-04 10:00:00 192.0.2.20 GET /owa/ - 443 CORP\\bob 198.51.100.77 Mozilla/5.0 - 200 0 0 40\n";

    @TempDir
    Path dir;

    @Test
    void damagedLogsAreReportedCountedAndSkippedAndTheScanGoesOn() throws IOException {
        byte[] evtx = Files.readAllBytes(SYSMON);
        byte[] damaged = evtx.clone();
        damaged[FILE_HEADER + CHUNK + 600] ^= 0x5a; // chunk 1's records: its 9 records are lost
        Path damagedEvtx = Files.write(dir.resolve("a-damaged.evtx"), damaged);
        Path truncatedEvtx = Files.write(dir.resolve("b-truncated.evtx"), Arrays.copyOf(evtx, FILE_HEADER + 3 * CHUNK + 30_000));

        ByteArrayOutputStream iis = new ByteArrayOutputStream();
        iis.writeBytes((FIELDS + BENIGN).getBytes(StandardCharsets.UTF_8));            // line 2
        byte[] garbage = new byte[200];
        for (int i = 0; i < garbage.length; i++) garbage[i] = (byte) (i % 9 == 0 ? 1 : 0xc3);
        iis.writeBytes(garbage);                                                        // line 3: binary
        iis.write('\n');
        iis.writeBytes("x".repeat(10 << 20).getBytes(StandardCharsets.US_ASCII));    // line 4: 10 MB
        iis.write('\n');
        iis.writeBytes(BENIGN.replace("/owa/", "/owa/\u00e9").getBytes(StandardCharsets.ISO_8859_1)); // line 5: invalid UTF-8, kept
        iis.writeBytes(PROXYLOGON.getBytes(StandardCharsets.UTF_8));                   // line 6: still found
        Path log = Files.write(dir.resolve("c-u_ex210304.log"), iis.toByteArray());

        List<Detection> detections = new ArrayList<>();
        ScanPipeline pipeline = new ScanPipeline(EvtxLogReader.ingest(ReadOptions.DEFAULTS, null),
                SigmaRuleLoader.load(BuiltInRules.folder()),
                IndicatorSet.of(List.of(Indicator.of(IndicatorType.IPV4, "203.0.113.66", "test-feed"))), null);
        ScanSummary s = pipeline.scan(List.of(dir), detections::add);

        assertThat(s.files()).isEqualTo(3);
        assertThat(s.events()).isEqualTo(31 + 27 + 3);
        assertThat(s.skipped()).isEqualTo(9 + 9 + 2);
        assertThat(s.skippedByFile()).containsExactly(
                org.assertj.core.api.Assertions.entry(damagedEvtx.toString(), 9L),
                org.assertj.core.api.Assertions.entry(truncatedEvtx.toString(), 9L),
                org.assertj.core.api.Assertions.entry(log.toString(), 2L));
        // File and record: the event record id the bad chunk's header gives its first record (9 records a chunk before it).
        assertThat(s.problems()).anySatisfy(p -> assertThat(p).startsWith(damagedEvtx + ":10: chunk 1: event records checksum mismatch"))
                .anySatisfy(p -> assertThat(p).startsWith(truncatedEvtx + ":28: chunk 3: truncated (30000 of 65536 bytes)"))
                .contains(log + ":3: binary data (23 control bytes); skipped",
                        log + ":4: line of 10485760 bytes is longer than the limit of 1048576 bytes; skipped",
                        log + ":5: invalid UTF-8 on 1 line (first here); bad bytes replaced by U+FFFD")
                .hasSize(5);
        assertThat(detections).filteredOn(d -> d.location().equals(log + ":6")).extracting(Detection::engine)
                .contains("sigma", "indicator");
        assertThat(s.peakMemory().bytes()).isPositive();
        assertThat(s.peakMemory().measure()).isIn(PeakMemory.RESIDENT, PeakMemory.HEAP);
    }
}
