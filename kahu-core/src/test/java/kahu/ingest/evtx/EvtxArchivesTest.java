package kahu.ingest.evtx;

import kahu.ingest.Event;
import kahu.ingest.LogFormat;
import kahu.ingest.ReadOptions;
import kahu.ingest.ReadProblem;
import kahu.ingest.ReadSummary;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real five-chunk Sysmon log read through {@code LogIngest} as it comes from a triage collection: plain, inside a
 * zip (also gzipped inside it), gzipped, and gzipped under a plain .evtx name. Each is detected as EVTX and gives
 * the plain file's events, named after the archive entry an analyst can go back to, not the temporary copy.
 */
class EvtxArchivesTest {
    private static final Path SYSMON = SharedData.root().resolve(
            "attack-datasets/evtx-attack-samples/Credential Access/discovery_sysmon_1_iis_pwd_and_config_discovery_appcmd.evtx");

    @TempDir
    Path dir;

    private record Read(List<ReadSummary> summaries, List<Event> events, List<ReadProblem> problems) {}

    private static Read read(Path path) {
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        List<ReadSummary> summaries = EvtxLogReader.ingest(ReadOptions.DEFAULTS, null).read(List.of(path), events::add, problems::add);
        return new Read(summaries, events, problems);
    }

    @Test
    void anEvtxFileInsideAZipOrAGzipGivesTheSameEventsAsThePlainFile() throws IOException {
        Read plain = read(SYSMON);
        assertThat(plain.events()).hasSize(40);
        byte[] bytes = Files.readAllBytes(SYSMON);

        Path zip = dir.resolve("triage.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("C/Windows/System32/winevt/Logs/Sysmon.evtx"));
            z.write(bytes);
            z.putNextEntry(new ZipEntry("older/Sysmon.evtx.gz"));
            z.write(gzip(bytes));
        }
        Path gz = Files.write(dir.resolve("Sysmon.evtx.gz"), gzip(bytes));
        Path misnamed = Files.write(dir.resolve("Sysmon-copy.evtx"), gzip(bytes));

        for (Path archive : List.of(zip, gz, misnamed)) {
            Read r = read(archive);
            assertThat(r.problems()).as(archive.toString()).isEmpty();
            assertThat(r.summaries()).as(archive.toString()).isNotEmpty().allSatisfy(s -> {
                assertThat(s.format()).isEqualTo(LogFormat.EVTX);
                assertThat(s.events()).isEqualTo(40);
            });
            for (ReadSummary s : r.summaries()) {
                List<Event> fromThis = r.events().stream().filter(e -> e.source().equals(s.source())).toList();
                assertThat(fromThis).extracting(Event::record, Event::timestamp, Event::fields)
                        .containsExactlyElementsOf(plain.events().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.record(), e.timestamp(), e.fields())).toList());
                assertThat(fromThis.getFirst().location()).isEqualTo(s.source() + "#" + plain.events().getFirst().record());
            }
        }
        assertThat(read(zip).summaries()).extracting(ReadSummary::source).containsExactly(
                zip + "!/C/Windows/System32/winevt/Logs/Sysmon.evtx", zip + "!/older/Sysmon.evtx.gz");
    }

    @Test
    void aDamagedEvtxInsideAZipIsReportedUnderItsEntryName() throws IOException {
        byte[] bytes = Files.readAllBytes(SYSMON);
        bytes[4096 + 65536 + 600] ^= 0x5a; // chunk 1's records
        Path zip = dir.resolve("triage.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("Sysmon.evtx"));
            z.write(bytes);
        }
        Read r = read(zip);
        assertThat(r.problems()).singleElement().extracting(ReadProblem::line).as("chunk 1's first event record id").isEqualTo(10L);
        assertThat(r.problems()).singleElement().hasToString(zip + "!/Sysmon.evtx:10: chunk 1: event records checksum mismatch "
                + r.problems().getFirst().reason().substring(r.problems().getFirst().reason().indexOf('(')));
        assertThat(r.summaries()).singleElement().satisfies(s -> {
            assertThat(s.events()).isEqualTo(31);
            assertThat(s.skipped()).isEqualTo(9);
        });
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(out)) {
            g.write(bytes);
        }
        return out.toByteArray();
    }
}
