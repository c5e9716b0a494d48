package kahu.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A log to read: a name to show in evidence and problems, and a way to open its (decompressed) bytes.
 * Opening more than once is allowed; format detection reads the head, then the reader reads it all.
 *
 * @param name   file path, or {@code archive.zip!/entry} for an entry of an archive
 * @param opener opens a fresh stream of the log's bytes, already decompressed
 */
public record Source(String name, Opener opener) {
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /** A plain or gzip file ({@code .gz} by name or by magic number). Zip archives go through {@link LogSources}. */
    public static Source of(Path file) {
        return new Source(file.toString(), () -> maybeGunzip(Files.newInputStream(file)));
    }

    /** In-memory text, for tests and small inputs. */
    public static Source ofText(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Source(name, () -> new ByteArrayInputStream(bytes));
    }

    /**
     * Wraps a stream in gunzip when it starts with the gzip magic number, so a misnamed .gz still reads, and
     * turns UTF-16 with a byte order mark into UTF-8.
     */
    static InputStream maybeGunzip(InputStream raw) throws IOException {
        return maybeGunzip(raw, 1 << 16);
    }

    /** As {@link #maybeGunzip(InputStream)}, with a read buffer of the given size (at least 2 bytes). */
    static InputStream maybeGunzip(InputStream raw, int bufferSize) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, bufferSize);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) return Utf16Transcoding.toUtf8(new GZIPInputStream(in, 1 << 16));
        return Utf16Transcoding.toUtf8(in);
    }

    static boolean isGzipName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
