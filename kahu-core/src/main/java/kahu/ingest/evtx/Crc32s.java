package kahu.ingest.evtx;

import java.util.zip.CRC32;

/** The CRC32 (the zlib polynomial) checksums EVTX stores for its file header, chunk headers and record data. */
final class Crc32s {
    private final CRC32 crc = new CRC32(); // reused: one per reader, so no allocation per chunk

    int of(byte[] b, int off, int len) {
        crc.reset();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }

    /** Chunk headers skip bytes 120–127 (flags and the checksum itself). */
    int ofTwo(byte[] b, int off1, int len1, int off2, int len2) {
        crc.reset();
        crc.update(b, off1, len1);
        crc.update(b, off2, len2);
        return (int) crc.getValue();
    }
}
