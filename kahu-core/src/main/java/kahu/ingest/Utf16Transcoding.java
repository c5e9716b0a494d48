package kahu.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns UTF-16 text with a byte order mark into UTF-8 on the fly, so the UTF-8 readers can read it. Windows
 * PowerShell's {@code Out-File} and {@code >} write UTF-16LE with a BOM, which is how exported event logs and
 * hand-made log extracts often arrive. Read as UTF-8, every ASCII character would come with a NUL and every line
 * would be rejected as binary. Line numbers are unchanged; byte counts are of the UTF-8 text.
 */
final class Utf16Transcoding {
    private Utf16Transcoding() {}

    static InputStream toUtf8(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        Charset charset = b1 == 0xff && b2 == 0xfe ? StandardCharsets.UTF_16LE
                : b1 == 0xfe && b2 == 0xff ? StandardCharsets.UTF_16BE : null;
        if (charset == null) {
            in.reset();
            return in;
        }
        return new Utf8Encoding(new InputStreamReader(in, charset)); // the BOM is consumed; bad pairs become U+FFFD
    }

    /** An InputStream of the UTF-8 encoding of a Reader's characters, through two fixed buffers. */
    private static final class Utf8Encoding extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 8);
        private boolean eof;

        Utf8Encoding(Reader reader) {
            this.reader = reader;
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (!bytes.hasRemaining()) {
                if (eof && !chars.hasRemaining()) return -1;
                fill();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        private void fill() throws IOException {
            chars.compact();
            int n = eof ? -1 : reader.read(chars);
            if (n < 0) eof = true;
            chars.flip();
            bytes.clear();
            encoder.encode(chars, bytes, eof);
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
