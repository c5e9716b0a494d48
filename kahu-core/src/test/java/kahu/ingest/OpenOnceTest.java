package kahu.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a log opens it once (format detection's head is replayed to the reader), reads it whole whether it is
 * shorter or longer than the head, and a zip's entries read the same from the archive held open during the walk
 * as from sources listed first and opened later.
 */
class OpenOnceTest {
    private static String iisLog(int rows) {
        StringBuilder b = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem c-ip\n");
        for (int i = 0; i < rows; i++) b.append("2021-03-03 01:02:").append(String.format("%02d", i % 60)).append(" 10.0.0.1 GET /owa/").append(i).append(" 203.0.113.9\n");
        return b.toString();
    }

    private static List<Event> read(String text, AtomicInteger opens) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Source counted = new Source("u_ex210303.log", () -> {
            opens.incrementAndGet();
            return new ByteArrayInputStream(bytes);
        });
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        new LogIngest().read(counted, events::add, problems::add);
        assertThat(problems).isEmpty();
        return events;
    }

    @Test
    void aLogShorterOrLongerThanTheHeadIsOpenedOnceAndReadWhole() {
        for (int rows : new int[] {3, 5000, 2}) { // 5,000 rows are past the 64 KB head; the last read reuses the thread's buffers
            AtomicInteger opens = new AtomicInteger();
            List<Event> events = read(iisLog(rows), opens);
            assertThat(opens).as("%d rows", rows).hasValue(1);
            assertThat(events).hasSize(rows);
            assertThat(events.getLast().fields()).containsEntry("cs-uri-stem", "/owa/" + (rows - 1));
            assertThat(events.getLast().record()).isEqualTo(rows + 2);
        }
    }

    @Test
    void zipEntriesReadTheSameDuringTheWalkAndAfterIt(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("EXCH01.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int f = 0; f < 3; f++) {
                out.putNextEntry(new ZipEntry("inetpub/logs/LogFiles/W3SVC1/u_ex21030" + f + ".log"));
                out.write(iisLog(f == 1 ? 4000 : 7).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        List<String> during = new ArrayList<>();
        new LogIngest().read(List.of(dir), e -> during.add(e.location() + " " + e.fields()), p -> { });

        List<String> after = new ArrayList<>();
        List<Source> listed = LogSources.list(List.of(dir), p -> { }); // the archive is closed by now: each source reopens it
        for (Source s : listed) new LogIngest().read(s, e -> after.add(e.location() + " " + e.fields()), p -> { });

        assertThat(during).hasSize(7 + 4000 + 7).isEqualTo(after);
    }

    @Test
    void filesWithTheSameKeysInAnotherOrderKeepTheirOwnOrder() throws IOException {
        String a = "#Fields: date time cs-method c-ip\n2021-03-03 01:02:03 GET 203.0.113.9\n";
        String b = "#Fields: c-ip cs-method date time\n203.0.113.9 GET 2021-03-03 01:02:03\n";
        List<Event> first = new ArrayList<>(), second = new ArrayList<>(), again = new ArrayList<>();
        new LogIngest().read(Source.ofText("a.log", a), first::add, p -> { });
        new LogIngest().read(Source.ofText("b.log", b), second::add, p -> { });
        new LogIngest().read(Source.ofText("a2.log", a), again::add, p -> { });
        assertThat(first.getFirst().fields().keySet()).containsExactly("date", "time", "cs-method", "c-ip");
        assertThat(second.getFirst().fields().keySet()).containsExactly("c-ip", "cs-method", "date", "time");
        assertThat(again.getFirst().fields()).isEqualTo(first.getFirst().fields());
        assertThat(again.getFirst().fields().keySet()).containsExactly("date", "time", "cs-method", "c-ip");
    }
}
