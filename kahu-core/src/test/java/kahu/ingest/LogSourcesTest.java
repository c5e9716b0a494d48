package kahu.ingest;

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

class LogSourcesTest {

    @Test
    void walksFoldersAndReadsGzipAndZipTransparently(@TempDir Path dir) throws IOException {
        byte[] iis = Files.readAllBytes(Reading.resource("u_ex210303.log"));
        byte[] proxy = Files.readAllBytes(Reading.resource("HttpProxy_2021030302-1.LOG"));
        byte[] syslog = Files.readAllBytes(Reading.resource("syslog.log"));
        Path w3svc = Files.createDirectories(dir.resolve("inetpub/logs/LogFiles/W3SVC1"));
        Files.write(w3svc.resolve("u_ex210303.log"), iis);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(w3svc.resolve("u_ex210304.log.gz")))) {
            out.write(iis);
        }
        Path zip = Files.createDirectories(dir.resolve("exchange")).resolve("logs.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("HttpProxy/Ecp/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("HttpProxy/Ecp/HttpProxy_2021030302-1.LOG"));
            out.write(proxy);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("var/log/auth.log.gz"));
            GZIPOutputStream gz = new GZIPOutputStream(out);
            gz.write(syslog);
            gz.finish();
            out.closeEntry();
            out.putNextEntry(new ZipEntry("inner.zip"));
            out.write(new byte[] {'P', 'K', 3, 4});
            out.closeEntry();
        }
        Files.writeString(dir.resolve("notes.txt"), "nothing to see\n");
        Files.write(dir.resolve("broken.zip"), new byte[] {1, 2, 3});

        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        List<ReadSummary> summaries = new LogIngest(ReadOptions.DEFAULTS, null).read(List.of(dir, dir.resolve("missing")), events::add, problems::add);

        assertThat(summaries).extracting(ReadSummary::source, ReadSummary::format, ReadSummary::events).containsExactly(
                org.assertj.core.groups.Tuple.tuple(zip + "!/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG", LogFormat.EXCHANGE_CSV, 4L),
                org.assertj.core.groups.Tuple.tuple(zip + "!/var/log/auth.log.gz", LogFormat.SYSLOG, 5L),
                org.assertj.core.groups.Tuple.tuple(w3svc.resolve("u_ex210303.log").toString(), LogFormat.IIS_W3C, 4L),
                org.assertj.core.groups.Tuple.tuple(w3svc.resolve("u_ex210304.log.gz").toString(), LogFormat.IIS_W3C, 4L),
                org.assertj.core.groups.Tuple.tuple(dir.resolve("notes.txt").toString(), LogFormat.UNKNOWN, 0L));
        assertThat(summaries.get(3).bytes()).isEqualTo(iis.length);
        assertThat(events).filteredOn(e -> e.source().endsWith(".gz") && e.format().equals("iis")).first()
                .satisfies(e -> assertThat(e.location()).isEqualTo(w3svc.resolve("u_ex210304.log.gz") + ":5"));
        assertThat(events).filteredOn(e -> e.format().equals("exchange-httpproxy")).hasSize(4);
        assertThat(problems).extracting(ReadProblem::toString).contains(
                dir.resolve("broken.zip") + ": not a readable zip archive: zip END header not found",
                zip + "!/inner.zip: zip inside a zip is not read; unpack the outer archive first",
                dir.resolve("notes.txt") + ": log format not recognised; skipped (the format can be given explicitly)",
                dir.resolve("missing") + ": no such file or folder");
    }

    @Test
    void evtxFilesGoToARegisteredReader(@TempDir Path dir) throws IOException {
        Path evtx = dir.resolve("Security.evtx");
        Files.write(evtx, "ElfFile\0rest".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        LogReader fake = (source, events, problems) -> new ReadSummary(source.name(), LogFormat.EVTX, 7, 0, 12, 0);
        List<ReadProblem> problems = new ArrayList<>();
        assertThat(new LogIngest(ReadOptions.DEFAULTS, null, java.util.Map.of(LogFormat.EVTX, fake)).read(List.of(evtx), e -> {}, problems::add))
                .singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(7));
        assertThat(new LogIngest().read(List.of(evtx), e -> {}, problems::add)).singleElement()
                .satisfies(s -> assertThat(s.format()).isEqualTo(LogFormat.EVTX));
        assertThat(problems).extracting(ReadProblem::toString).containsExactly(evtx + ": EVTX file: no EVTX reader registered here; skipped");
    }

    @Test
    void emptyFilesAreQuietAndAFailingReaderDoesNotStopTheOthers(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("a-empty.log"));
        Files.write(dir.resolve("b.evtx"), "ElfFile\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.copy(Reading.resource("access.log"), dir.resolve("c-access.log"));
        LogReader broken = (source, events, problems) -> { throw new IllegalStateException("boom"); };
        List<ReadProblem> problems = new ArrayList<>();
        List<ReadSummary> summaries = new LogIngest(ReadOptions.DEFAULTS, null, java.util.Map.of(LogFormat.EVTX, broken))
                .read(List.of(dir), e -> {}, problems::add);
        assertThat(summaries).extracting(ReadSummary::format, ReadSummary::events).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LogFormat.UNKNOWN, 0L),
                org.assertj.core.groups.Tuple.tuple(LogFormat.EVTX, 0L),
                org.assertj.core.groups.Tuple.tuple(LogFormat.ACCESS_LOG, 3L));
        assertThat(problems).extracting(ReadProblem::toString).containsExactly(
                dir.resolve("b.evtx") + ": reading stopped by an internal error, rest of file not read: java.lang.IllegalStateException: boom");
    }

    @Test
    void anOverrideForcesTheFormat() {
        List<ReadProblem> problems = new ArrayList<>();
        ReadSummary s = new LogIngest(ReadOptions.DEFAULTS, LogFormat.ACCESS_LOG)
                .read(Source.of(Reading.resource("u_ex210303.log")), e -> {}, problems::add);
        assertThat(s.format()).isEqualTo(LogFormat.ACCESS_LOG);
        assertThat(s.events()).isZero();
        assertThat(s.skipped()).isEqualTo(13);
        assertThat(problems).hasSize(13);
    }

    @Test
    void problemsBeyondThePerFileLimitAreCountedAndSummedUp() {
        List<ReadProblem> problems = new ArrayList<>();
        ReadSummary s = new LogIngest(ReadOptions.DEFAULTS.withMaxProblemsPerFile(3), LogFormat.ACCESS_LOG)
                .read(Source.of(Reading.resource("u_ex210303.log")), e -> {}, problems::add);
        assertThat(s.skipped()).isEqualTo(13);
        assertThat(s.problems()).isEqualTo(4);
        assertThat(problems).extracting(ReadProblem::line).containsExactly(1L, 2L, 3L, 4L);
        assertThat(problems.getLast().reason()).isEqualTo("10 more records skipped from here on, not listed (limit 3 per file)");
    }

    @Test
    void otrfZippedJsonLinesReadThroughTheArchive() {
        Path zip = SharedData.root().resolve("attack-datasets/otrf-security-datasets/datasets/compound/GoldenSAMLADFSMailAccess/WindowsEvents.Zip");
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        List<ReadSummary> summaries = new LogIngest().read(List.of(zip), events::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo(LogFormat.JSON_LINES);
            assertThat(s.events()).isEqualTo(38);
            assertThat(s.source()).startsWith(zip + "!/");
        });
        assertThat(events.getFirst().location()).startsWith(zip + "!/").endsWith(":1");
    }
}
