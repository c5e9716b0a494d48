package kahu.simulate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Where one server's files go: files under its folder, or entries of its triage zip ({@link Layout}). */
sealed interface ServerFiles extends AutoCloseable {
    /**
     * Writes one whole file.
     *
     * @param rel      its path relative to the output root, starting with the server's {@link Layout#hostDir}
     * @param modified its modification time in epoch milliseconds
     * @param keepTime whether the time matters (pages: the web-shell scanner reads it); otherwise a folder
     *                 file keeps the time it was written, as a collected log would
     */
    void write(String rel, byte[] content, int length, long modified, boolean keepTime) throws IOException;

    @Override
    void close() throws IOException;

    static ServerFiles of(Layout layout, Path root, String hostDir) throws IOException {
        return layout == Layout.ZIP ? new Zip(root, hostDir) : new Folder(root);
    }

    /** Plain files, as the server had them. */
    final class Folder implements ServerFiles {
        private final Path root;
        private final Set<Path> madeDirs = new HashSet<>();

        Folder(Path root) {
            this.root = root;
        }

        @Override
        public void write(String rel, byte[] content, int length, long modified, boolean keepTime) throws IOException {
            Path p = root.resolve(rel);
            if (madeDirs.add(p.getParent())) Files.createDirectories(p.getParent());
            try (OutputStream out = Files.newOutputStream(p)) {
                out.write(content, 0, length);
            }
            if (keepTime) Files.setLastModifiedTime(p, FileTime.fromMillis(modified));
        }

        @Override
        public void close() {}
    }

    /**
     * One zip per server, entries deflated at the fastest level: the logs are repetitive text that
     * compresses about tenfold even so, and at 250,000 servers deflating is most of the generator's CPU.
     * Every entry carries a time (the pages' is what the web-shell scanner reads; the logs' is their
     * last record's), so the archive is byte-identical for the same seed whatever the clock says.
     */
    final class Zip implements ServerFiles {
        private final String prefix;
        private final ZipOutputStream zip;

        Zip(Path root, String hostDir) throws IOException {
            this.prefix = hostDir + "/";
            Path file = root.resolve(hostDir.substring(0, hostDir.length() - 1)); // "logs/o/h.zip!" -> logs/o/h.zip
            Files.createDirectories(file.getParent());
            this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            zip.setLevel(Deflater.BEST_SPEED);
        }

        @Override
        public void write(String rel, byte[] content, int length, long modified, boolean keepTime) throws IOException {
            if (!rel.startsWith(prefix)) throw new IllegalArgumentException(rel + " is not under " + prefix);
            ZipEntry e = new ZipEntry(rel.substring(prefix.length()));
            e.setLastModifiedTime(FileTime.fromMillis(modified));
            zip.putNextEntry(e);
            zip.write(content, 0, length);
            zip.closeEntry();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
