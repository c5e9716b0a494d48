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
 * source that is not a plain file on disk (an entry of a zip, a gzip) is first copied to a temporary
 * file, which is deleted afterwards.
 */
public final class EvtxLogReader implements LogReader {
    /** A log ingest that reads every format, EVTX included. */
    public static LogIngest ingest(ReadOptions options, LogFormat override) {
        return new LogIngest(options, override, Map.of(LogFormat.EVTX, new EvtxLogReader()));
    }

    @Override
    public ReadSummary read(Source source, Consumer<Event> events, Consumer<ReadProblem> problems) {
        Path file = Path.of(source.name().contains("!/") ? "/nonexistent" : source.name());
        Path temp = null;
        try {
            if (!Files.isRegularFile(file) || source.name().endsWith(".gz")) {
                temp = Files.createTempFile("kahu-evtx-", ".evtx");
                try (InputStream in = source.open()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                file = temp;
            }
            Path read = file;
            EvtxSummary s = EvtxReader.read(read, events, message -> problems.accept(new ReadProblem(source.name(), 0, strip(message, read))));
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

    /** The parser names the file it read; the source's own name is already in the problem. */
    private static String strip(String message, Path file) {
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
