package kahu.ingest.evtx;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import kahu.ingest.Event;

/**
 * Reads binary Windows event logs (.evtx) into {@link Event}s with format {@code evtx}, one 64 KiB chunk
 * at a time. Checksums of the file header, each chunk header and each chunk's records are verified; a bad
 * chunk or record is reported to {@code problems} as "file: chunk N[, record R]: reason" and skipped, and
 * reading goes on (chunk N counts from 0 after the file header; record R is the id in the record's own
 * header, since a bad record's System part cannot be read). Nothing is thrown for bad input.
 *
 * <p>{@link Event#record()} is System/EventRecordID, the number Event Viewer shows and filters on.
 */
public final class EvtxReader {
    private EvtxReader() {}

    /** Reads the whole file, handing each event to {@code events} as its chunk is parsed. */
    public static EvtxSummary read(Path file, Consumer<Event> events, Consumer<String> problems) {
        return read(file, file.toString(), events, problems);
    }

    /**
     * As {@link #read(Path, Consumer, Consumer)}, with events and problems naming {@code name} as their source: the
     * file read may be a temporary copy of an archive entry, which an analyst cannot go back to.
     */
    public static EvtxSummary read(Path file, String name, Consumer<Event> events, Consumer<String> problems) {
        return readWithRecords(file, name, events, p -> problems.accept(p.message()));
    }

    /** As {@link #read(Path, String, Consumer, Consumer)}, each problem with the record it concerns. */
    public static EvtxSummary readWithRecords(Path file, String name, Consumer<Event> events, Consumer<EvtxProblem> problems) {
        ChunkBuffers buffers = ChunkBuffers.borrow();
        try (EvtxFile f = EvtxFile.open(file, name, problems, buffers)) {
            while (f.nextChunk(events)) {
                // each call reads and delivers one chunk
            }
            return f.summary();
        } finally {
            buffers.release();
        }
    }

    /**
     * The events of a file as a lazy stream holding at most one chunk's events; close the stream (for
     * example with try-with-resources) to close the file early.
     */
    public static Stream<Event> stream(Path file, Consumer<String> problems) {
        EvtxFile f = EvtxFile.open(file, file.toString(), p -> problems.accept(p.message()), new ChunkBuffers()); // a stream may outlive any read
        ArrayDeque<Event> pending = new ArrayDeque<>();
        Spliterator<Event> events = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super Event> action) {
                while (pending.isEmpty()) {
                    if (!f.nextChunk(pending::add)) return false;
                }
                action.accept(pending.poll());
                return true;
            }
        };
        return StreamSupport.stream(events, false).onClose(f::close);
    }

    /** The expanded XML of every record, for debugging a field that comes out wrong. */
    public static void readXml(Path file, Consumer<XmlElement> records, Consumer<String> problems) {
        ChunkBuffers buffers = ChunkBuffers.borrow();
        try (EvtxFile f = EvtxFile.open(file, file.toString(), p -> problems.accept(p.message()), buffers)) {
            f.xmlOnly(records);
            while (f.nextChunk(e -> {})) {
                // each call reads one chunk
            }
        } finally {
            buffers.release();
        }
    }
}
