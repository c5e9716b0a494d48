package kahu.ingest.evtx;

import java.nio.ByteBuffer;

/**
 * The 64 KiB chunk buffer and the parser state bound to it. Reading many small logs (most hold one chunk)
 * would otherwise allocate and zero 64 KiB per file, so each thread keeps one set for synchronous reads;
 * a nested read (a consumer that reads another file) or a stream gets a set of its own.
 */
final class ChunkBuffers {
    private static final ThreadLocal<ChunkBuffers> PER_THREAD = ThreadLocal.withInitial(ChunkBuffers::new);

    final byte[] chunk = new byte[EvtxChunkHeader.CHUNK_SIZE];
    final ByteBuffer chunkBuffer = ByteBuffer.wrap(chunk);
    final Crc32s crc = new Crc32s();
    final EvtxRecordParser records = new EvtxRecordParser(chunk);
    private boolean inUse;

    /** This thread's set when free, else a new one; give it back with {@link #release()}. */
    static ChunkBuffers borrow() {
        ChunkBuffers b = PER_THREAD.get();
        if (b.inUse) return new ChunkBuffers();
        b.inUse = true;
        return b;
    }

    void release() {
        inUse = false;
    }
}
