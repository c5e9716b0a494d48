package kahu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads files and folders end to end: {@link LogSources} finds the sources, {@link LogFormatDetector} picks each
 * one's format unless the caller forces one, and the format's reader delivers the events. One bad file never
 * stops the others; everything that went wrong arrives as a {@link ReadProblem}.
 */
public final class LogIngest {
    private final ReadOptions options;
    private final LogFormat override;
    private final Map<LogFormat, LogReader> extraReaders;

    /**
     * @param override     the format to use for every file, or null to detect it per file
     * @param extraReaders readers for formats this package only classifies (EVTX, from {@code kahu.ingest.evtx}),
     *                     or replacing a built-in one
     */
    public LogIngest(ReadOptions options, LogFormat override, Map<LogFormat, LogReader> extraReaders) {
        this.options = options;
        this.override = override;
        this.extraReaders = Map.copyOf(extraReaders);
    }

    public LogIngest(ReadOptions options, LogFormat override) {
        this(options, override, Map.of());
    }

    public LogIngest() {
        this(ReadOptions.DEFAULTS, null);
    }

    public List<ReadSummary> read(List<Path> paths, Consumer<Event> events, Consumer<ReadProblem> problems) {
        List<ReadSummary> summaries = new ArrayList<>();
        LogSources.walk(paths, source -> summaries.add(read(source, events, problems)), problems);
        return summaries;
    }

    public ReadSummary read(Source source, Consumer<Event> events, Consumer<ReadProblem> problems) {
        LogFormat format = override;
        HeadReplay replay = null;
        if (format == null) {
            byte[] head;
            InputStream in = null;
            try {
                in = source.open();
                head = readHead(in);
            } catch (IOException e) {
                closeQuietly(in);
                problems.accept(new ReadProblem(source.name(), 0, "cannot be read: " + e));
                return new ReadSummary(source.name(), LogFormat.UNKNOWN, 0, 0, 0, 1);
            }
            // The reader gets the stream already open, head first: opening a source twice (a zip entry's inflater,
            // buffers, a file handle) cost more than reading the few lines of a typical triage log.
            replay = new HeadReplay(source, head, in);
            if (head.length == 0) { // empty: nothing wrong, nothing to read
                replay.closeUnused();
                return new ReadSummary(source.name(), LogFormat.UNKNOWN, 0, 0, 0, 0);
            }
            try {
                format = LogFormatDetector.detect(head);
            } catch (RuntimeException bug) {
                replay.closeUnused();
                problems.accept(new ReadProblem(source.name(), 0, "format detection failed (" + bug + "); skipped (the format can be given explicitly)"));
                return new ReadSummary(source.name(), LogFormat.UNKNOWN, 0, 0, 0, 1);
            }
        }
        try {
            return read(replay == null ? source : replay.source(), format, events, problems);
        } finally {
            if (replay != null) replay.closeUnused();
        }
    }

    private ReadSummary read(Source source, LogFormat format, Consumer<Event> events, Consumer<ReadProblem> problems) {
        LogReader reader = extraReaders.containsKey(format) ? extraReaders.get(format) : format.reader(options);
        if (reader == null) {
            String why = format == LogFormat.EVTX
                    ? "EVTX file: no EVTX reader registered here; skipped"
                    : "log format not recognised; skipped (the format can be given explicitly)";
            problems.accept(new ReadProblem(source.name(), 0, why));
            return new ReadSummary(source.name(), format, 0, 0, 0, 1);
        }
        try {
            return reader.read(source, events, problems);
        } catch (RuntimeException bug) {
            // Built-in readers report bad content themselves; this catches a failing plug-in reader or event consumer.
            problems.accept(new ReadProblem(source.name(), 0, "reading stopped by an internal error, rest of file not read: " + bug));
            return new ReadSummary(source.name(), format, 0, 0, 0, 1);
        }
    }

    /** Per thread: readNBytes(n) allocates and copies 8 KB chunks, and most logs in a triage collection are that small. */
    private static final ThreadLocal<byte[]> HEAD = ThreadLocal.withInitial(() -> new byte[LogFormatDetector.HEAD_BYTES]);

    private static byte[] readHead(InputStream in) throws IOException {
        byte[] buffer = HEAD.get();
        int n = in.readNBytes(buffer, 0, buffer.length);
        return java.util.Arrays.copyOf(buffer, n);
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // a failed read is already being reported
        }
    }
}
