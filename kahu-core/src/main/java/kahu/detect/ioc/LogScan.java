package kahu.detect.ioc;

import java.io.IOException;
import java.io.InputStream;

/**
 * Scans a text log for indicators in 1 MiB byte blocks: lines and tokens are split in one pass over
 * the bytes, with no decoding and no allocation per line ({@link TextScanner#scanBlock}). A line longer
 * than the block is cut at the block's end.
 */
public final class LogScan {
    /** Receives each hit with the 1-based line number and the line it is on (a view, valid during the call). */
    @FunctionalInterface
    public interface LineHit {
        void hit(long line, Indicator indicator, CharSequence text, int start, int end);
    }

    private LogScan() {}

    /** Returns the number of lines read. */
    public static long scan(IndicatorSet set, InputStream in, LineHit hit) throws IOException {
        byte[] buf = new byte[1 << 20];
        TextScanner.BlockContext ctx = new TextScanner.BlockContext(hit);
        long lines = 0;
        int filled = 0;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) break;
            filled += n;
            int lastNewline = filled - 1;
            while (lastNewline >= 0 && buf[lastNewline] != '\n') lastNewline--;
            int complete = lastNewline < 0 && filled == buf.length ? filled : lastNewline + 1;
            if (complete == 0) continue;
            lines += TextScanner.scanBlock(set, buf, 0, complete, ctx);
            if (complete == filled && buf[complete - 1] != '\n') lines++; // an over-long line cut at the block's end
            ctx.lineNo = lines;
            System.arraycopy(buf, complete, buf, 0, filled - complete);
            filled -= complete;
        }
        if (filled > 0) {
            TextScanner.scanBlock(set, buf, 0, filled, ctx);
            lines++;
        }
        return lines;
    }
}
