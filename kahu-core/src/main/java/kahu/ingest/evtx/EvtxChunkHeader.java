package kahu.ingest.evtx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 512-byte chunk header: signature "ElfChnk\0", record numbers, the offset where free space begins,
 * a CRC32 of the record data (bytes 512 up to free space) and a CRC32 of header bytes 0–119 and 128–511,
 * then the string and template hash tables (not needed to read: names and templates are reached by offset).
 */
record EvtxChunkHeader(long firstRecordNumber, long lastRecordNumber, long firstRecordId, long lastRecordId,
                       int lastRecordOffset, int freeSpaceOffset) {
    static final int CHUNK_SIZE = 65536;
    static final int HEADER_SIZE = 512;
    private static final byte[] SIGNATURE = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);

    static boolean hasSignature(byte[] chunk) {
        return Arrays.equals(chunk, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /** A chunk that was allocated but never written is all zeros at its start. */
    static boolean looksUnused(byte[] chunk) {
        for (int i = 0; i < HEADER_SIZE; i++) if (chunk[i] != 0) return false;
        return true;
    }

    /** Parses and verifies both checksums; throws with the reason when the chunk must be skipped. */
    static EvtxChunkHeader parseVerified(byte[] chunk, Crc32s crc) {
        if (!hasSignature(chunk)) throw new EvtxFormatException("no \"ElfChnk\" signature");
        int storedHeaderCrc = LittleEndian.i32(chunk, 124);
        int headerCrc = crc.ofTwo(chunk, 0, 120, 128, HEADER_SIZE - 128);
        if (storedHeaderCrc != headerCrc) {
            throw new EvtxFormatException("chunk header checksum mismatch (stored %08x, computed %08x)"
                    .formatted(storedHeaderCrc, headerCrc));
        }
        var h = new EvtxChunkHeader(LittleEndian.i64(chunk, 8), LittleEndian.i64(chunk, 16),
                LittleEndian.i64(chunk, 24), LittleEndian.i64(chunk, 32),
                LittleEndian.i32(chunk, 44), LittleEndian.i32(chunk, 48));
        if (h.freeSpaceOffset < HEADER_SIZE || h.freeSpaceOffset > CHUNK_SIZE) {
            throw new EvtxFormatException("free space offset " + h.freeSpaceOffset + " outside the chunk");
        }
        int storedDataCrc = LittleEndian.i32(chunk, 52);
        int dataCrc = crc.of(chunk, HEADER_SIZE, h.freeSpaceOffset - HEADER_SIZE);
        if (storedDataCrc != dataCrc) {
            throw new EvtxFormatException("event records checksum mismatch (stored %08x, computed %08x)"
                    .formatted(storedDataCrc, dataCrc));
        }
        return h;
    }

    /** How many records the header claims, for counting what a bad chunk cost; 0 when unknown. */
    static long claimedRecords(byte[] chunk) {
        if (!hasSignature(chunk)) return 0;
        long first = LittleEndian.i64(chunk, 24), last = LittleEndian.i64(chunk, 32);
        return first > 0 && last >= first && last - first < CHUNK_SIZE ? last - first + 1 : 0;
    }
}
