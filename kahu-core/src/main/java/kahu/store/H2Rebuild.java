package kahu.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rebuilds an embedded H2 file that was not closed cleanly, before Kahu uses it.
 *
 * <p>Why: H2 (2.5.252) can leave a table's secondary index out of step with the table itself when
 * its process is killed — an index entry for a row the table no longer has ("Row not found in primary
 * index"). Every later statement that meets the entry retries until the lock timeout and fails, so a
 * killed investigation could never be resumed (seen once in about 160 kills of
 * {@code InvestigationRestartTest}'s child). The table rows themselves are sound, so the rebuild scripts
 * them out through each table's own scan ({@code SCRIPT}), loads the script into a new file, which
 * builds every index afresh, and puts the new file in the old one's place in one atomic move.
 *
 * <p>A file is unclean when its header lacks H2's {@code clean:1} mark (H2 writes it on a proper
 * close), or when a rebuild marker is left from a rebuild that was itself interrupted (the old file
 * is closed cleanly by the scripting, so its header alone would no longer tell).
 */
final class H2Rebuild {
    private static final String PREFIX = "jdbc:h2:file:";

    /** Files this JVM has open now, with how many times: their headers lack the mark because they are open. */
    private static final java.util.Map<String, Integer> OPEN_HERE = new java.util.HashMap<>();

    private H2Rebuild() {}

    static synchronized void opened(String url) {
        OPEN_HERE.merge(url, 1, Integer::sum);
    }

    static synchronized void closed(String url) {
        OPEN_HERE.computeIfPresent(url, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** Rebuilds the file behind {@code url} if it was left unclean; does nothing for other URLs or new files. */
    static synchronized void ifUnclean(String url) {
        if (!url.startsWith(PREFIX) || OPEN_HERE.containsKey(url)) return;
        int semi = url.indexOf(';');
        String stem = semi < 0 ? url.substring(PREFIX.length()) : url.substring(PREFIX.length(), semi);
        String options = semi < 0 ? "" : url.substring(semi);
        Path file = Path.of(stem + ".mv.db");
        Path marker = Path.of(stem + ".rebuild-needed");
        try {
            if (!Files.exists(file) || (isClean(file) && !Files.exists(marker))) return;
            Path script = Path.of(stem + ".rebuild.sql");
            Path fresh = Path.of(stem + ".rebuild");
            Path freshFile = Path.of(fresh + ".mv.db");
            // Opened first: a file another process has open now (also without the mark) fails here, as it would anyway.
            Connection opened;
            try {
                opened = open(url);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open " + file + ": " + e.getMessage(), e);
            }
            try (Connection c = opened; Statement s = c.createStatement()) {
                System.err.println("kahu: " + file + " was not closed cleanly (a killed process?); rebuilding its indexes from its tables");
                Files.writeString(marker, "rebuild " + file + "\n");
                Files.deleteIfExists(script);
                Files.deleteIfExists(freshFile);
                s.execute("SCRIPT TO '" + quote(script) + "'");
            }
            try (Connection c = open(PREFIX + fresh + options); Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM '" + quote(script) + "'");
            }
            Files.move(freshFile, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(script);
            Files.delete(marker);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rebuild " + file + " after an unclean shutdown (" + e.getMessage()
                    + "); move the file aside to start afresh", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild " + file + " after an unclean shutdown", e);
        }
    }

    /** H2's file header (the first block, text) carries {@code clean:1} only after a proper close. */
    static boolean isClean(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String header = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        int end = header.indexOf('\n');
        if (end >= 0) header = header.substring(0, end);
        return header.startsWith("H:") && header.contains(",clean:1,");
    }

    /** With the credentials the pool uses ({@code KAHU_DB_USER}, {@code KAHU_DB_PASSWORD}). */
    private static Connection open(String url) throws SQLException {
        String user = System.getenv("KAHU_DB_USER"), password = System.getenv("KAHU_DB_PASSWORD");
        return DriverManager.getConnection(url, user == null ? "" : user, password == null ? "" : password);
    }

    private static String quote(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
