package kahu.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Garbage in logs: each case is reported with file and line, skipped and counted, and the rest still read. */
class LogBadInputTest {
    private static final String HEADER = "#Fields: date time c-ip cs-method cs-uri-stem sc-status\n";
    private static final String GOOD = "2021-03-03 02:41:07 203.0.113.50 POST /ecp/y.js 200\n";

    @Test
    void aTenMegabyteLineIsSkippedWithoutBeingHeldInMemory() {
        int tenMb = 10 * 1024 * 1024;
        // The long line is generated as it is read, so the test itself never holds it either.
        Source source = new Source("big.log", () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                bytes(HEADER + GOOD), new RepeatingInputStream((byte) 'A', tenMb), bytes("\n" + GOOD)))));
        Reading r = Reading.of(new W3cLogReader(), source);

        assertThat(r.problemTexts()).containsExactly("big.log:3: line of 10485760 bytes is longer than the limit of 1048576 bytes; skipped");
        assertThat(r.events()).extracting(Event::record).containsExactly(2L, 4L);
        assertThat(r.summary().skipped()).isEqualTo(1);
        assertThat(r.summary().bytes()).isEqualTo(HEADER.length() + 2L * GOOD.length() + tenMb + 1);
    }

    @Test
    void theLineLimitIsConfigurableAndCountsBytesNotCharacters() {
        Reading r = Reading.of(new W3cLogReader(ReadOptions.DEFAULTS.withMaxLineBytes(60)),
                Source.ofText("x.log", HEADER + GOOD + "2021-03-03 02:41:07 203.0.113.50 POST /ecp/ééééééééé 200\r\n" + GOOD));
        assertThat(r.problemTexts()).containsExactly("x.log:3: line of 65 bytes is longer than the limit of 60 bytes; skipped");
        assertThat(r.events()).hasSize(2);
    }

    @Test
    void invalidUtf8IsReplacedAndReportedOncePerFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((HEADER + GOOD).getBytes(StandardCharsets.UTF_8));
        out.writeBytes("2021-03-03 02:41:08 203.0.113.50 GET /owa/\u00e9".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        out.writeBytes(" 200\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("2021-03-03 02:41:09 203.0.113.50 GET /owa/\u00c3( 200\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] data = out.toByteArray();
        Reading r = Reading.of(new W3cLogReader(), new Source("u.log", () -> new java.io.ByteArrayInputStream(data)));

        assertThat(r.events()).hasSize(3);
        assertThat(r.events().get(1).text("cs-uri-stem")).isEqualTo("/owa/\u00e9\uFFFD\uFFFDx");
        assertThat(r.events().get(2).text("cs-uri-stem")).isEqualTo("/owa/\uFFFD(");
        assertThat(r.problemTexts()).containsExactly("u.log:3: invalid UTF-8 on 2 lines (first here); bad bytes replaced by U+FFFD");
        assertThat(r.summary().skipped()).isZero();
    }

    @Test
    void binaryGarbageLinesAreSkippedAndCounted() {
        byte[] garbage = new byte[300];
        for (int i = 0; i < garbage.length; i++) garbage[i] = (byte) (i * 37 % 256 == '\n' ? 0 : i * 37 % 256);
        byte[] nuls = new byte[4096];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((HEADER + GOOD).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(garbage);
        out.write('\n');
        out.writeBytes(nuls); // a crash that left a block of zeros, as happens with preallocated log files
        out.write('\n');
        out.writeBytes(GOOD.getBytes(StandardCharsets.UTF_8));
        byte[] data = out.toByteArray();
        long control = 0;
        for (byte b : garbage) if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != 0x1b) control++;

        for (LogReader reader : new LogReader[] {new W3cLogReader(), new ExchangeCsvLogReader(), new SyslogReader(), new JsonLinesReader()}) {
            Reading r = Reading.of(reader, new Source("bin.log", () -> new java.io.ByteArrayInputStream(data)));
            assertThat(r.problemTexts()).as(reader.getClass().getSimpleName()).contains(
                    "bin.log:3: binary data (" + control + " control bytes); skipped",
                    "bin.log:4: binary data (4096 control bytes); skipped");
            assertThat(r.summary().skipped()).isGreaterThanOrEqualTo(2);
        }
        Reading iis = Reading.of(new W3cLogReader(), new Source("bin.log", () -> new java.io.ByteArrayInputStream(data)));
        assertThat(iis.events()).extracting(Event::record).containsExactly(2L, 5L);
        assertThat(iis.problems()).hasSize(2);
        Reading access = Reading.of(new AccessLogReader(), new Source("bin.log", () -> new java.io.ByteArrayInputStream(data)));
        assertThat(access.problemTexts()).contains("bin.log:4: binary data (4096 control bytes); skipped");
    }

    @Test
    void aTruncatedGzipEndsTheFileWithAProblemNotAnException(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20_000; i++) gz.write(GOOD.getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = zipped.toByteArray();
        Path file = dir.resolve("u_ex210303.log.gz");
        Files.write(file, Arrays.copyOf(all, all.length / 2));
        Reading r = Reading.of(new W3cLogReader(), file);

        assertThat(r.events()).isNotEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.line()).isEqualTo(r.events().getLast().record() + 1);
            assertThat(p.reason()).startsWith("read failed, rest of file not read: java.io.EOFException");
        });
    }

    @Test
    void utf16WithAByteOrderMarkIsReadAsText(@TempDir Path dir) throws IOException {
        String text = HEADER + GOOD.replace("/ecp/y.js", "/ecp/\u00fcber\uD83D\uDE00.js") + GOOD;
        Path le = dir.resolve("export-le.log"), be = dir.resolve("export-be.log");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        Files.write(le, out.toByteArray());
        Files.write(be, text.getBytes(StandardCharsets.UTF_16)); // Java's UTF-16 writes a big-endian BOM
        for (Path file : new Path[] {le, be}) {
            assertThat(new LogIngest().read(java.util.List.of(file), e -> {}, p -> {})).singleElement()
                    .satisfies(s -> assertThat(s.format()).isEqualTo(LogFormat.IIS_W3C));
            Reading r = Reading.of(new W3cLogReader(), file);
            assertThat(r.problems()).isEmpty();
            assertThat(r.events()).extracting(e -> e.text("cs-uri-stem")).containsExactly("/ecp/\u00fcber\uD83D\uDE00.js", "/ecp/y.js");
            assertThat(r.summary().bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private static InputStream bytes(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code count} copies of one byte, produced on demand. */
    private static final class RepeatingInputStream extends InputStream {
        private final byte value;
        private long left;

        RepeatingInputStream(byte value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left == 0) return -1;
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) return -1;
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
