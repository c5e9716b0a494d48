package kahu.ingest.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads from a byte array, bounds-checked so that bad offsets become format errors. */
final class LittleEndian {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    static int u8(byte[] b, int off) {
        check(b, off, 1);
        return b[off] & 0xff;
    }

    static int u16(byte[] b, int off) {
        check(b, off, 2);
        return (short) I16.get(b, off) & 0xffff;
    }

    static int i32(byte[] b, int off) {
        check(b, off, 4);
        return (int) I32.get(b, off);
    }

    static long u32(byte[] b, int off) {
        return i32(b, off) & 0xffffffffL;
    }

    static long i64(byte[] b, int off) {
        check(b, off, 8);
        return (long) I64.get(b, off);
    }

    static void check(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new EvtxFormatException("read of " + len + " bytes at offset " + off + " is outside the data");
        }
    }
}
