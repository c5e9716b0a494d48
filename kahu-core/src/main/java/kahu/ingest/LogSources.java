package kahu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Turns paths into {@link Source}s: folders walked recursively in name order (so runs are repeatable),
 * {@code .gz} files gunzipped, {@code .zip} archives opened and every entry given as its own source named
 * {@code archive.zip!/entry} ({@code .gz} entries gunzipped too). Archives are read entry by entry from the
 * zip's central directory, never unpacked to disk or memory. Paths that cannot be read are problems, not failures.
 */
public final class LogSources {
    private LogSources() {}

    public static void walk(List<Path> paths, Consumer<Source> sources, Consumer<ReadProblem> problems) {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : filesUnder(path, problems)) addFile(file, sources, problems);
            } else if (Files.isRegularFile(path)) {
                addFile(path, sources, problems);
            } else {
                problems.accept(new ReadProblem(path.toString(), 0, "no such file or folder"));
            }
        }
    }

    public static List<Source> list(List<Path> paths, Consumer<ReadProblem> problems) {
        List<Source> out = new ArrayList<>();
        walk(paths, out::add, problems);
        return out;
    }

    private static List<Path> filesUnder(Path dir, Consumer<ReadProblem> problems) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) files.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.accept(new ReadProblem(file.toString(), 0, "cannot be read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.accept(new ReadProblem(dir.toString(), 0, "folder cannot be walked: " + e.getMessage()));
        }
        files.sort(null);
        return files;
    }

    private static void addFile(Path file, Consumer<Source> sources, Consumer<ReadProblem> problems) {
        if (!isZip(file)) {
            sources.accept(Source.of(file));
            return;
        }
        OpenZip open = null;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            open = new OpenZip();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) continue;
                String name = entry.getName();
                String display = file + "!/" + name;
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    problems.accept(new ReadProblem(display, 0, "zip inside a zip is not read; unpack the outer archive first"));
                    continue;
                }
                OpenZip shared = open;
                sources.accept(new Source(display, () -> shared.isOpen() ? openEntry(zip, entry) : openEntry(file, name)));
            }
        } catch (ZipException e) {
            problems.accept(new ReadProblem(file.toString(), 0, "not a readable zip archive: " + e.getMessage()));
        } catch (IOException e) {
            problems.accept(new ReadProblem(file.toString(), 0, "cannot be read: " + e.getMessage()));
        } finally {
            if (open != null) open.closed();
        }
    }

    /**
     * The archive being walked, open while its sources are handed out: a consumer that reads each source as it
     * arrives (the scan) reads every entry from this one {@link ZipFile}, instead of opening the archive again
     * per entry; sources kept for later ({@link #list}) reopen it.
     */
    private static final class OpenZip {
        private volatile boolean open = true;

        boolean isOpen() {
            return open;
        }

        void closed() {
            open = false;
        }
    }

    /** One entry of an archive that is open for the walk; closing the stream leaves the archive open. */
    private static InputStream openEntry(ZipFile zip, ZipEntry entry) throws IOException {
        InputStream in = zip.getInputStream(entry);
        // Triage logs are mostly a few kilobytes: a buffer of the entry's size, not 64 KB, for each.
        int buffer = (int) Math.clamp(entry.getSize(), 512, 1 << 16);
        return Source.isGzipName(entry.getName()) ? Utf16Transcoding.toUtf8(new GZIPInputStream(in, 1 << 16)) : Source.maybeGunzip(in, buffer);
    }

    /** Opens one entry; the zip file closes with the stream. */
    private static InputStream openEntry(Path file, String name) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) throw new IOException("entry vanished from " + file + ": " + name);
            InputStream in = new java.io.FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
            return Source.isGzipName(name) ? Utf16Transcoding.toUtf8(new GZIPInputStream(in, 1 << 16)) : Source.maybeGunzip(in);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** By name, or by the local-file-header magic for archives named otherwise. */
    static boolean isZip(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) return true;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
