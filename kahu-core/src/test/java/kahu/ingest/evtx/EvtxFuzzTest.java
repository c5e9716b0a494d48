package kahu.ingest.evtx;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import kahu.ingest.Event;
import kahu.testing.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EVTX reader on damaged logs. The fuzzer's bytes are not the log itself (a random file is not an EVTX file
 * and ends at the file header): they choose one of two real one-chunk logs from ../shared/data (Sysmon and
 * Security), overwrite up to 32 of its bytes, optionally recompute the chunk checksums so that the damage
 * reaches the binary XML parser, and optionally cut the file short, or replace the log by the raw bytes.
 *
 * <p>Properties: nothing is thrown; every problem names the file; no problem is an internal error caught by the
 * reader's safety net (its text would name an exception class), because bad bytes must be recognised and
 * described; the summary counts the events delivered. Seeds: {@code EvtxFuzzTestInputs/damagedLog}.
 */
class EvtxFuzzTest {
    private static final int FILE_HEADER = 4096, CHUNK = 65536;
    private static final List<byte[]> SEEDS = List.of(
            read("attack-datasets/evtx-attack-samples/Credential Access/CA_sysmon_hashdump_cmd_meterpreter.evtx"),
            read("attack-datasets/evtx-attack-samples/Credential Access/CA_DCSync_4662.evtx"));
    private static final Path FILE = scratchFile();

    @FuzzTest(maxDuration = "3m")
    void damagedLog(FuzzedDataProvider data) throws IOException {
        byte[] b = damage(data);
        Files.write(FILE, b);
        List<Event> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        EvtxSummary summary = EvtxReader.read(FILE, events::add, problems::add);

        assertThat(summary.records()).isEqualTo(events.size());
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith(FILE + ": ").doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b"));
        assertThat(events).allSatisfy(e -> assertThat(e.source()).isEqualTo(FILE.toString()));
    }

    private static byte[] damage(FuzzedDataProvider data) {
        if (data.consumeBoolean()) return data.consumeRemainingAsBytes(); // raw bytes: anything at all
        byte[] b = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1)).clone();
        int patches = data.consumeInt(0, 32);
        boolean insideRecords = data.consumeBoolean();
        for (int k = 0; k < patches; k++) {
            int at = insideRecords ? data.consumeInt(FILE_HEADER + 512, b.length - 1) : data.consumeInt(0, b.length - 1);
            b[at] = data.consumeByte();
        }
        if (data.consumeBoolean()) fixChunkChecksums(b);
        return data.consumeBoolean() ? Arrays.copyOf(b, data.consumeInt(0, b.length)) : b;
    }

    /** Recomputes each chunk's checksums where its free-space offset still makes sense. */
    private static void fixChunkChecksums(byte[] b) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int chunk = FILE_HEADER; chunk + CHUNK <= b.length; chunk += CHUNK) {
            int used = le.getInt(chunk + 48);
            if (used >= 512 && used <= CHUNK) EvtxCorruptionTest.fixRecordsChecksum(b, chunk);
        }
    }

    private static byte[] read(String relative) {
        try {
            return Files.readAllBytes(SharedData.root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In memory (/dev/shm) where there is one: the fuzzer writes a file per input. */
    private static Path scratchFile() {
        try {
            Path shm = Path.of("/dev/shm");
            Path f = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempFile(shm, "kahu-fuzz-", ".evtx")
                    : Files.createTempFile("kahu-fuzz-", ".evtx");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
