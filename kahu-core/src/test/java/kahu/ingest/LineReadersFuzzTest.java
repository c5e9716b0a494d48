package kahu.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IIS W3C and Exchange CSV readers on arbitrary bytes, with a small line limit so that the too-long path is
 * reached too. Properties: nothing is thrown; every problem names the file and a line inside it (0 for the whole
 * file); every event has a line number inside the file; the summary counts what was delivered and skipped, and
 * a record is delivered or skipped at most once. Seeds: {@code LineReadersFuzzTestInputs/w3c}, {@code …/exchangeCsv}.
 */
class LineReadersFuzzTest {
    private static final ReadOptions OPTIONS = ReadOptions.DEFAULTS.withMaxLineBytes(4096).withMaxProblemsPerFile(50);

    @FuzzTest(maxDuration = "3m")
    void w3c(byte[] data) {
        check(new W3cLogReader(OPTIONS), data);
    }

    @FuzzTest(maxDuration = "3m")
    void exchangeCsv(byte[] data) {
        check(new ExchangeCsvLogReader(OPTIONS), data);
    }

    private static void check(LogReader reader, byte[] data) {
        long lines = 1;
        for (byte b : data) if (b == '\n') lines++;
        long lastLine = lines;
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        ReadSummary s = reader.read(new Source("fuzz.log", () -> new ByteArrayInputStream(data)), events::add, problems::add);

        assertThat(s.events()).isEqualTo(events.size());
        assertThat(s.events() + s.skipped()).isLessThanOrEqualTo(lines);
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("fuzz.log");
            assertThat(p.line()).isBetween(0L, lastLine);
        });
        assertThat(events).allSatisfy(e -> assertThat(e.record()).isBetween(1L, lastLine));
        assertThat(events).extracting(Event::record).doesNotHaveDuplicates();
    }
}
