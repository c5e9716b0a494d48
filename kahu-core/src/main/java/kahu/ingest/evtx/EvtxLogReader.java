package kahu.ingest.evtx;

import kahu.ingest.Event;
import kahu.ingest.LogFormat;
import kahu.ingest.LogIngest;
import kahu.ingest.LogReader;
import kahu.ingest.ReadOptions;
import kahu.ingest.ReadProblem;
import kahu.ingest.ReadSummary;
import kahu.ingest.Source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plugs the EVTX parser into {@link LogIngest}. EVTX needs random access to its 64 KiB chunks, so a
 * source that is not a plain EVTX file on disk (an entry of a zip, a gzip whatever its name) is first copied
 * to a temporary file, which is deleted afterwards; events and problems still name the source.
 */
public final class EvtxLogReader implements LogReader {
    private static final byte[] MAGIC = "ElfFile\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A log ingest that reads every format, EVTX included. */
    public static LogIngest ingest(ReadOptions options, LogFormat override) {
        return new LogIngest(options, override, Map.of(LogFormat.EVTX, new EvtxLogReader()));
    }

    @Override
    public ReadSummary read(Source source, Consumer<Event> events, Consumer<ReadProblem> problems) {
        Path file = Path.of(source.name().contains("!/") ? "/nonexistent" : source.name());
        Path temp = null;
        try {
            if (!Files.isRegularFile(file) || !startsWithMagic(file)) { // a zip entry, or compressed on disk
                temp = Files.createTempFile("kahu-evtx-", ".evtx");
                try (InputStream in = source.open()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                file = temp;
            }
            String prefix = source.name() + ": ";
            EvtxSummary s = EvtxReader.readWithRecords(file, source.name(), events, p -> problems.accept(new ReadProblem(source.name(),
                    p.record(), p.message().startsWith(prefix) ? p.message().substring(prefix.length()) : p.message())));
            return new ReadSummary(source.name(), LogFormat.EVTX, s.records(), s.recordsSkipped(), Files.size(file), s.problems());
        } catch (IOException e) {
            problems.accept(new ReadProblem(source.name(), 0, "cannot be read: " + e.getMessage()));
            return new ReadSummary(source.name(), LogFormat.EVTX, 0, 0, 0, 1);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary copy left behind is harmless
                }
            }
        }
    }

    /** Whether the file on disk is EVTX as it stands (not gzip-compressed under an .evtx name). */
    private static boolean startsWithMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }
}
