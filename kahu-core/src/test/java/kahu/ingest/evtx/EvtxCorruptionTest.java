package kahu.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import kahu.ingest.Event;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies (in a temporary directory) of a real five-chunk log whose chunks hold its records 1–9, 10–18,
 * 19–27, 28–36 and 37–40 (counted in file order; {@link #nth} gives their EventRecordIDs), followed by twelve
 * unused all-zero chunks.
 */
class EvtxCorruptionTest {
    private static final Path FIVE_CHUNKS = SharedData.root().resolve(
            "attack-datasets/evtx-attack-samples/Credential Access/discovery_sysmon_1_iis_pwd_and_config_discovery_appcmd.evtx");
    private static final int FILE_HEADER = 4096, CHUNK = 65536;

    @TempDir
    Path dir;

    private static final List<Long> INTACT_IDS = read(FIVE_CHUNKS).recordIds();

    /** The EventRecordID of the file's n-th record (1-based). */
    private static long nth(int n) {
        return INTACT_IDS.get(n - 1);
    }

    private record Result(EvtxSummary summary, List<Event> events, List<String> problems) {
        List<Long> recordIds() {
            return events.stream().map(Event::record).toList();
        }
    }

    private static Result read(Path file) {
        List<Event> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        EvtxSummary summary = EvtxReader.read(file, events::add, problems::add);
        return new Result(summary, events, problems);
    }

    private Path copy(byte[] bytes) throws IOException {
        Path p = dir.resolve("damaged.evtx");
        Files.write(p, bytes);
        return p;
    }

    @Test
    void theIntactFileGivesAllFortyRecordsWithoutProblems() {
        Result r = read(FIVE_CHUNKS);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary()).isEqualTo(new EvtxSummary(40, 0, 5, 0, 0));
        assertThat(r.recordIds()).hasSize(40).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aFlippedByteInChunkRecordsSkipsThatChunkOnly() throws IOException {
        byte[] b = Files.readAllBytes(FIVE_CHUNKS);
        b[FILE_HEADER + CHUNK + 600] ^= 0x5a;
        Result r = read(copy(b));
        assertThat(r.problems()).singleElement().asString()
                .contains("damaged.evtx", "chunk 1:", "event records checksum mismatch", "skipped");
        assertThat(r.summary()).isEqualTo(new EvtxSummary(31, 9, 4, 1, 1));
        assertThat(r.recordIds()).doesNotContain(nth(10), nth(14), nth(18)).contains(nth(9), nth(19), nth(40));
    }

    @Test
    void aFlippedByteInAChunkHeaderSkipsThatChunkOnly() throws IOException {
        byte[] b = Files.readAllBytes(FIVE_CHUNKS);
        b[FILE_HEADER + 2 * CHUNK + 60] ^= 0x01;
        Result r = read(copy(b));
        assertThat(r.problems()).singleElement().asString().contains("chunk 2:", "chunk header checksum mismatch");
        assertThat(r.summary().records()).isEqualTo(31);
        assertThat(r.recordIds()).doesNotContain(nth(19), nth(27)).contains(nth(18), nth(28));
    }

    @Test
    void aBadFileHeaderChecksumIsReportedAndTheChunksStillRead() throws IOException {
        byte[] b = Files.readAllBytes(FIVE_CHUNKS);
        b[24] ^= 0x01; // next record identifier, inside the checksummed first 120 bytes
        Result r = read(copy(b));
        assertThat(r.problems()).singleElement().asString().contains("file header checksum mismatch");
        assertThat(r.summary().records()).isEqualTo(40);
    }

    @Test
    void aFileCutInsideAChunkKeepsTheWholeChunksBeforeIt() throws IOException {
        byte[] b = Files.readAllBytes(FIVE_CHUNKS);
        Result r = read(copy(Arrays.copyOf(b, FILE_HEADER + 3 * CHUNK + 30_000)));
        assertThat(r.problems()).singleElement().asString().contains("chunk 3:", "truncated", "30000 of 65536");
        assertThat(r.summary()).isEqualTo(new EvtxSummary(27, 9, 3, 1, 1));
    }

    @Test
    void aFileCutInsideTheFileHeaderIsReported() throws IOException {
        byte[] b = Files.readAllBytes(FIVE_CHUNKS);
        Result r = read(copy(Arrays.copyOf(b, 1000)));
        assertThat(r.problems()).singleElement().asString().contains("file header");
        assertThat(r.events()).isEmpty();
    }

    @Test
    void randomBytesAreNotAnEvtxFile() throws IOException {
        byte[] b = new byte[200_000];
        new Random(4).nextBytes(b);
        Result r = read(copy(b));
        assertThat(r.problems()).singleElement().asString().contains("damaged.evtx", "not an EVTX file");
        assertThat(r.events()).isEmpty();
    }

    @Test
    void anEmptyOrMissingFileIsReported() throws IOException {
        assertThat(read(copy(new byte[0])).problems()).singleElement().asString().contains("not an EVTX file");
        assertThat(read(dir.resolve("missing.evtx")).problems()).singleElement().asString().contains("missing.evtx", "cannot open");
    }

    @Test
    void aRecordWithBadBinaryXmlIsSkippedAndItsNeighboursRead() throws IOException {
        byte[] b = Files.readAllBytes(FIVE_CHUNKS);
        int chunk = FILE_HEADER;
        int second = 512 + le32(b, chunk + 512 + 4); // the chunk's second record
        b[chunk + second + 24] = (byte) 0xff; // its first binary XML token: no such token
        fixRecordsChecksum(b, chunk);
        Result r = read(copy(b));
        assertThat(r.problems()).singleElement().asString().contains("chunk 0, record 2:", "unknown token 0xff");
        assertThat(r.summary()).isEqualTo(new EvtxSummary(39, 1, 5, 0, 1));
        assertThat(r.recordIds()).doesNotContain(nth(2)).contains(nth(1), nth(3));
        // The problem carries the record, not only its message: the id in the bad record's own header.
        List<EvtxProblem> withRecords = new ArrayList<>();
        EvtxReader.readWithRecords(copy(b), "damaged.evtx", e -> { }, withRecords::add);
        assertThat(withRecords).singleElement().extracting(EvtxProblem::record).isEqualTo(2L);
    }

    /** Random damage behind valid checksums reaches the binary XML parser: it must report, never throw. */
    @Test
    void randomDamageBehindValidChecksumsNeverThrows() throws IOException {
        byte[] original = Files.readAllBytes(FIVE_CHUNKS);
        Random random = new Random(25);
        long parsedAfterDamage = 0;
        for (int round = 0; round < 300; round++) {
            byte[] b = original.clone();
            int chunk = FILE_HEADER + random.nextInt(5) * CHUNK;
            int used = le32(b, chunk + 48);
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                b[chunk + 512 + random.nextInt(used - 512)] = (byte) random.nextInt(256);
            }
            fixRecordsChecksum(b, chunk);
            Result r = read(copy(b));
            assertThat(r.summary().records() + r.summary().recordsSkipped()).as("round %d", round).isGreaterThan(0);
            assertThat(r.problems()).as("round %d", round)
                    .allSatisfy(p -> assertThat(p).doesNotContain("Exception", "checksum"));
            parsedAfterDamage += r.summary().records();
        }
        assertThat(parsedAfterDamage).isGreaterThan(300 * 30); // most records of a damaged file survive
    }

    private static int le32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    /** Recomputes the records and header CRC32 of the chunk at {@code chunk}, as a writer would have. */
    static void fixRecordsChecksum(byte[] b, int chunk) {
        CRC32 crc = new CRC32();
        crc.update(b, chunk + 512, le32(b, chunk + 48) - 512);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(chunk + 52, (int) crc.getValue());
        crc.reset(); // the records checksum sits inside the header, so the header checksum changes too
        crc.update(b, chunk, 120);
        crc.update(b, chunk + 128, 512 - 128);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(chunk + 124, (int) crc.getValue());
    }
}
