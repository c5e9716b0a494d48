package kahu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines with bounded memory: one read buffer and one line buffer, both reused.
 * A line longer than the limit is counted and drained without being stored. Lines end at LF; a CR before
 * it is dropped. Bytes are decoded as UTF-8 only when a reader asks for the text, so binary lines can be
 * rejected without decoding them. Invalid UTF-8 is replaced by U+FFFD and summed up once per file by
 * {@link #invalidUtf8Problem(String)}, because a file with one bad byte usually has thousands.
 * The two buffers pass to the next LineInput of the same thread on {@link #close()}: a triage collection is
 * hundreds of thousands of logs of a few kilobytes, and zeroing fresh 64 KB buffers for each cost more than
 * splitting its lines.
 */
final class LineInput implements AutoCloseable {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final int maxLineBytes;
    private static final int MAX_KEPT_LINE = 1 << 16;
    private static final ThreadLocal<Spare> SPARE = new ThreadLocal<>();

    private record Spare(byte[] chunk, byte[] line) {}

    private final byte[] chunk;
    private int pos;
    private int limit;
    private long bytes;

    private byte[] line;
    private int length;
    private long lineBytes;
    private byte lastByte;
    private long lineNumber;
    private int controlBytes;
    private boolean nonAscii;

    /** made on the first line that is not ASCII: most logs have none */
    private CharsetDecoder decoder;
    private CharBuffer chars;
    private boolean closed;
    private long invalidUtf8Lines;
    private long firstInvalidUtf8Line;

    LineInput(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        Spare spare = SPARE.get();
        if (spare != null) {
            SPARE.remove(); // this instance owns them until it closes
            chunk = spare.chunk();
            line = spare.line();
        } else {
            chunk = new byte[CHUNK];
            line = new byte[4096];
        }
    }

    /** Advances to the next line; false at end of input. The line may be too long: check {@link #tooLong()}. */
    boolean next() throws IOException {
        length = 0;
        lineBytes = 0;
        lastByte = 0;
        controlBytes = 0;
        nonAscii = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                int n = in.read(chunk, 0, CHUNK);
                if (n < 0) {
                    if (!any) return false;
                    break;
                }
                pos = 0;
                limit = n;
                bytes += n;
                continue;
            }
            any = true;
            int start = pos;
            int i = pos;
            boolean newline = false;
            int control = 0;
            boolean high = false;
            for (; i < limit; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    newline = true;
                    break;
                }
                if (b < 0) high = true;
                else if (b < 0x20 && b != '\t' && b != '\r' && b != 0x1b) control++;
            }
            controlBytes += control;
            nonAscii |= high;
            append(start, i - start);
            pos = newline ? i + 1 : i;
            if (newline) break;
        }
        lineNumber++;
        if (lineBytes > 0 && lastByte == '\r') { // CRLF line end: the CR is not part of the line
            lineBytes--;
            if (length > lineBytes) length--;
        }
        if (lineNumber == 1 && length >= 3 && (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb && (line[2] & 0xff) == 0xbf) {
            System.arraycopy(line, 3, line, 0, length - 3); // UTF-8 byte order mark
            length -= 3;
        }
        return true;
    }

    private void append(int start, int n) {
        if (n == 0) return;
        lineBytes += n;
        lastByte = chunk[start + n - 1];
        if (lineBytes > maxLineBytes + 1L) return; // too long: keep counting, stop storing (+1 leaves room for a CR)
        if (length + n > line.length) line = Arrays.copyOf(line, Math.max(length + n, Math.min(line.length * 2, maxLineBytes + 1)));
        System.arraycopy(chunk, start, line, length, n);
        length += n;
    }

    /** The current line is longer than the limit (its CR excluded); it was not stored whole. */
    boolean tooLong() {
        return lineBytes > maxLineBytes;
    }

    long lineBytes() {
        return lineBytes;
    }

    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }

    /** Number of C0 control bytes other than TAB, CR and ESC: text logs have none, binary data many. */
    int controlBytes() {
        return controlBytes;
    }

    byte firstByte() {
        return length > 0 ? line[0] : 0;
    }

    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytes;
    }

    /** The current line as text. ASCII lines take a fast path; others are decoded, bad bytes replaced. */
    String text() {
        if (!nonAscii) return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            chars = CharBuffer.allocate(4096);
        }
        if (chars.capacity() < length) chars = CharBuffer.allocate(Math.max(length, chars.capacity() * 2));
        chars.clear();
        decoder.reset();
        ByteBuffer bb = ByteBuffer.wrap(line, 0, length);
        CoderResult result = decoder.decode(bb, chars, true);
        if (!result.isError()) result = decoder.flush(chars);
        if (result.isError()) {
            if (invalidUtf8Lines++ == 0) firstInvalidUtf8Line = lineNumber;
            return new String(line, 0, length, StandardCharsets.UTF_8); // replaces bad sequences with U+FFFD
        }
        return chars.flip().toString();
    }

    /** The once-per-file report of invalid UTF-8, or null when there was none. */
    ReadProblem invalidUtf8Problem(String file) {
        if (invalidUtf8Lines == 0) return null;
        return new ReadProblem(file, firstInvalidUtf8Line, "invalid UTF-8 on " + invalidUtf8Lines
                + (invalidUtf8Lines == 1 ? " line" : " lines") + " (first here); bad bytes replaced by U+FFFD");
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            // A line buffer grown for one huge line is not kept.
            SPARE.set(new Spare(chunk, line.length <= MAX_KEPT_LINE ? line : new byte[4096]));
        }
        in.close();
    }
}
