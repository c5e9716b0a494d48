package kahu.detect.ioc;

/**
 * A reusable {@link CharSequence} view of a line inside a byte buffer, one byte per char (ASCII, and
 * Latin-1 for the rest), so a log read in large byte blocks is scanned without decoding it or making a
 * String per line. Multi-byte UTF-8 characters appear as their bytes; indicators are ASCII in practice
 * (IDN domains arrive in their xn-- form).
 */
public final class AsciiLine implements CharSequence {
    private byte[] buf = new byte[0];
    private int from, length;

    /** Points the view at buf[from, to); no copy. */
    public AsciiLine reset(byte[] buf, int from, int to) {
        this.buf = buf;
        this.from = from;
        this.length = to - from;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) (buf[from + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buf, from + start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(buf, from, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
