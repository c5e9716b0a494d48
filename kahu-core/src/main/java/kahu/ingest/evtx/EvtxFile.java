package kahu.ingest.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import kahu.ingest.Event;

/**
 * One open EVTX file read chunk by chunk into a single reused 64 KiB buffer, so memory stays constant
 * whatever the file size. Chunks are read from the file itself, not from the header's chunk count,
 * because a log that was not closed cleanly has stale counts.
 */
final class EvtxFile implements AutoCloseable {
    private final String source;
    private final Consumer<EvtxProblem> problems;
    private final FileChannel channel;
    private final ChunkBuffers buffers;
    private final byte[] chunk;
    private final ByteBuffer chunkBuffer;
    private final Crc32s crc;
    private final EvtxRecordParser records;
    private Consumer<XmlElement> xmlSink; // debugging: expanded XML instead of events
    private boolean finished;
    private int chunkNumber; // 0-based index of the next chunk in the file
    private long recordsRead, recordsSkipped;
    private long ordinal; // records met so far in the file, skipped ones included: a problem's record when no id can be read
    private int chunksRead, chunksBad, problemCount;

    private EvtxFile(String name, Consumer<EvtxProblem> problems, FileChannel channel, ChunkBuffers buffers) {
        this.source = name;
        this.problems = problems;
        this.channel = channel;
        this.buffers = buffers;
        this.chunk = buffers.chunk;
        this.chunkBuffer = buffers.chunkBuffer;
        this.crc = buffers.crc;
        this.records = buffers.records;
    }

    /**
     * Opens the file and checks its header; an unreadable or non-EVTX file is reported and yields nothing.
     * The buffers are the caller's until {@link #close()}. Events and problems carry {@code name} as their source
     * (the file, or {@code archive.zip!/entry} when the file is a temporary copy of an archive entry).
     */
    static EvtxFile open(Path file, String name, Consumer<EvtxProblem> problems, ChunkBuffers buffers) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            EvtxFile none = new EvtxFile(name, problems, null, buffers);
            none.report("cannot open: " + e.getMessage());
            none.finished = true;
            return none;
        }
        EvtxFile f = new EvtxFile(name, problems, channel, buffers);
        f.readFileHeader();
        return f;
    }

    private void readFileHeader() {
        try {
            ByteBuffer header = ByteBuffer.wrap(chunk, 0, EvtxFileHeader.SIZE);
            int n = readFully(header, 0);
            EvtxFileHeader h = EvtxFileHeader.parse(chunk, n, crc);
            if (!h.checksumValid()) report("file header checksum mismatch (reading the chunks anyway)");
            if (n < EvtxFileHeader.SIZE) { report("file ends inside the 4096-byte file header"); finished = true; }
        } catch (EvtxFormatException e) {
            report(e.getMessage());
            finished = true;
        } catch (IOException e) {
            report("read error: " + e.getMessage());
            finished = true;
        }
    }

    /** Reads the next chunk, delivering its events; false when the file is done. */
    boolean nextChunk(Consumer<Event> events) {
        if (finished) return false;
        int number = chunkNumber++;
        long position = EvtxFileHeader.SIZE + (long) number * EvtxChunkHeader.CHUNK_SIZE;
        int n;
        try {
            chunkBuffer.clear();
            n = readFully(chunkBuffer, position);
        } catch (IOException e) {
            report("chunk " + number + ": read error: " + e.getMessage());
            finished = true;
            return false;
        }
        if (n <= 0) { finished = true; return false; }
        if (n < EvtxChunkHeader.CHUNK_SIZE) {
            finished = true;
            chunksBad++;
            long claimed = n >= 40 ? EvtxChunkHeader.claimedRecords(chunk) : 0;
            recordsSkipped += claimed;
            report(firstRecordOfChunk(claimed), "chunk " + number + ": truncated (" + n + " of " + EvtxChunkHeader.CHUNK_SIZE + " bytes), skipped");
            ordinal += claimed;
            return true;
        }
        readChunk(number, events);
        return true;
    }

    private void readChunk(int number, Consumer<Event> events) {
        if (!EvtxChunkHeader.hasSignature(chunk) && EvtxChunkHeader.looksUnused(chunk)) return;
        EvtxChunkHeader header;
        try {
            header = EvtxChunkHeader.parseVerified(chunk, crc);
        } catch (EvtxFormatException e) {
            chunksBad++;
            long claimed = EvtxChunkHeader.claimedRecords(chunk);
            recordsSkipped += claimed;
            report(firstRecordOfChunk(claimed), "chunk " + number + ": " + e.getMessage() + ", skipped");
            ordinal += claimed;
            return;
        }
        chunksRead++;
        records.startChunk();
        int offset = EvtxChunkHeader.HEADER_SIZE;
        long seen = 0;
        while (offset < header.freeSpaceOffset()) {
            int size;
            try {
                size = records.recordSize(offset, header.freeSpaceOffset());
            } catch (EvtxFormatException e) {
                // Framing is lost: count what the header says is left and go on with the next chunk.
                recordsSkipped += Math.max(1, EvtxChunkHeader.claimedRecords(chunk) - seen);
                report(ordinal + 1, "chunk " + number + ": " + e.getMessage() + "; rest of the chunk skipped");
                return;
            }
            long recordId = records.recordId(offset);
            seen++;
            ordinal++;
            Object parsed = parseRecord(number, recordId, offset, size);
            offset += size;
            if (parsed == null) continue;
            recordsRead++;
            // Outside the try: an exception from the caller's consumer is theirs, not a bad record.
            if (parsed instanceof XmlElement xml) xmlSink.accept(xml);
            else events.accept((Event) parsed);
        }
    }

    /** The record as an event (or XML when debugging), or null after reporting why it was skipped. */
    private Object parseRecord(int number, long recordId, int offset, int size) {
        try {
            return xmlSink != null ? records.parseXml(offset, size) : records.parse(source, offset, size);
        } catch (EvtxFormatException e) {
            recordsSkipped++;
            report(recordId > 0 ? recordId : ordinal, "chunk " + number + ", record " + recordId + ": " + e.getMessage() + ", skipped");
        } catch (RuntimeException e) {
            // Bad bytes must never end the read; name the exception so a parser bug stays visible.
            recordsSkipped++;
            report(recordId > 0 ? recordId : ordinal, "chunk " + number + ", record " + recordId + ": unreadable binary XML (" + e + "), skipped");
        }
        return null;
    }

    private int readFully(ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int r = channel.read(buffer, position + total);
            if (r < 0) break;
            total += r;
        }
        return total;
    }

    /** A problem with the whole file (record 0). */
    private void report(String problem) {
        report(0, problem);
    }

    private void report(long record, String problem) {
        problemCount++;
        problems.accept(new EvtxProblem(record, source + ": " + problem));
    }

    /**
     * The record a bad chunk's problem names: the id its header gives its first record when the header's
     * record range is plausible ({@code claimed} records), else the ordinal of that record in the file.
     */
    private long firstRecordOfChunk(long claimed) {
        long first = LittleEndian.i64(chunk, 24);
        return claimed > 0 ? first : ordinal + 1;
    }

    void xmlOnly(Consumer<XmlElement> sink) {
        this.xmlSink = sink;
    }

    EvtxSummary summary() {
        return new EvtxSummary(recordsRead, recordsSkipped, chunksRead, chunksBad, problemCount);
    }

    @Override
    public void close() {
        finished = true;
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            report("close failed: " + e.getMessage());
        }
    }
}
