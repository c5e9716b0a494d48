package kahu.ingest.evtx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 4096-byte file header: signature "ElfFile\0", chunk numbers, format version, chunk count, flags,
 * and a CRC32 of its first 120 bytes (libevtx documentation, section "File header").
 *
 * @param checksumValid whether the stored CRC32 matches; a mismatch is reported but reading goes on,
 *                      because every chunk carries its own checksums
 */
record EvtxFileHeader(long firstChunk, long lastChunk, long nextRecordId, int majorVersion, int minorVersion,
                             int headerBlockSize, int chunkCount, int flags, boolean checksumValid) {
    static final int SIZE = 4096;
    private static final byte[] SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUMMED = 120;

    static EvtxFileHeader parse(byte[] b, int length, Crc32s crc) {
        if (length < 128 || !Arrays.equals(b, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new EvtxFormatException("not an EVTX file: no \"ElfFile\" signature at offset 0");
        }
        int stored = LittleEndian.i32(b, 124);
        return new EvtxFileHeader(
                LittleEndian.i64(b, 8), LittleEndian.i64(b, 16), LittleEndian.i64(b, 24),
                LittleEndian.u16(b, 38), LittleEndian.u16(b, 36),
                LittleEndian.u16(b, 40), LittleEndian.u16(b, 42),
                LittleEndian.i32(b, 120), stored == crc.of(b, 0, CHECKSUMMED));
    }
}
