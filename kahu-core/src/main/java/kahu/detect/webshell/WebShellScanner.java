package kahu.detect.webshell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Scans folders for ASP.NET pages ({@code .aspx}, {@code .ashx}, {@code .asmx}) that look like web
 * shells: content signatures ({@link WebShellSignature}), and, when the installation time is known,
 * pages written after it in folders where Exchange ships a fixed set of pages. Unreadable files are
 * reported and skipped; the scan goes on.
 */
public final class WebShellScanner {
    /** The ATT&CK techniques a web-shell finding is evidence of (T1505.003 Web Shell). */
    public static final java.util.List<String> TECHNIQUES = java.util.List.of("T1505.003");

    /** Pages larger than this are hashed but only their first bytes are examined. */
    static final int MAX_BYTES = 4 << 20;
    private static final Set<String> EXTENSIONS = Set.of(".aspx", ".ashx", ".asmx");
    /** Folders where the 2021 web shells were dropped and Exchange itself adds no pages after setup. */
    private static final List<String> DROP_FOLDERS = List.of("\\owa\\auth\\", "/owa/auth/", "\\aspnet_client\\", "/aspnet_client/",
            "\\ecp\\auth\\", "/ecp/auth/", "\\frontend\\httpproxy\\owa\\auth\\", "/frontend/httpproxy/owa/auth/");

    private final Instant installedAt;

    /** @param installedAt when the server was installed or last patched, or null when unknown */
    public WebShellScanner(Instant installedAt) {
        this.installedAt = installedAt;
    }

    /**
     * Pages in the given folders (walked) and zip files (a triage collection per host: pages inside are
     * examined where they lie, named {@code archive.zip!/entry}, with the entry's modification time).
     */
    public List<WebShellFinding> scan(List<Path> roots, Consumer<String> problems) {
        List<WebShellFinding> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(f -> isPage(f) || isZip(f)).sorted().forEach(f -> {
                    try {
                        if (isZip(f)) {
                            scanZip(f, out, problems);
                        } else {
                            WebShellFinding finding = examine(f);
                            if (finding != null) out.add(finding);
                        }
                    } catch (IOException e) {
                        problems.accept(f + ": cannot read: " + e.getMessage());
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.accept(root + ": cannot walk: " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean isZip(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** The page entries of one zip, in entry-name order; an unreadable archive is the ingest's problem to report. */
    private void scanZip(Path zipFile, List<WebShellFinding> out, Consumer<String> problems) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(zipFile.toFile())) {
            List<? extends java.util.zip.ZipEntry> pages = zip.stream().filter(e -> !e.isDirectory() && isPage(Path.of(e.getName())))
                    .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).toList();
            for (java.util.zip.ZipEntry e : pages) {
                Path name = Path.of(zipFile + "!/" + e.getName());
                try (InputStream in = zip.getInputStream(e)) {
                    WebShellFinding finding = examine(name, in, e.getLastModifiedTime().toInstant());
                    if (finding != null) out.add(finding);
                } catch (IOException ex) {
                    problems.accept(name + ": cannot read: " + ex.getMessage());
                }
            }
        } catch (IOException e) {
            // not a readable zip: LogSources reports it when the logs are read
        }
    }

    /** True for the page files this scanner examines (.aspx, .ashx, .asmx). */
    public static boolean isPage(Path p) {
        return isPageName(p.getFileName().toString());
    }

    /** As {@link #isPage(Path)}, for a file name or a path in any spelling (only its ending counts). */
    public static boolean isPageName(String name) {
        for (String ext : EXTENSIONS) if (name.regionMatches(true, name.length() - ext.length(), ext, 0, ext.length())) return true;
        return false;
    }

    /** The finding for one page, or null when nothing in it looks wrong. */
    WebShellFinding examine(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return examine(f, in, Files.getLastModifiedTime(f).toInstant());
        }
    }

    private WebShellFinding examine(Path f, InputStream in, Instant modified) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] head;
        long size = 0;
        {
            byte[] buf = new byte[65536];
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) {
                sha256.update(buf, 0, n);
                if (kept.size() < MAX_BYTES) kept.write(buf, 0, Math.min(n, MAX_BYTES - kept.size()));
                size += n;
            }
            head = kept.toByteArray();
        }
        String text = decode(head);
        List<String> reasons = new ArrayList<>();
        String level = null;
        for (WebShellSignature s : WebShellSignature.ALL) {
            if (s.pattern().matcher(text).find()) {
                reasons.add(s.reason());
                level = higher(level, s.level());
            }
        }
        String path = f.toString().toLowerCase(Locale.ROOT);
        if (installedAt != null && modified.isAfter(installedAt) && DROP_FOLDERS.stream().anyMatch(path::contains)) {
            reasons.add("written after the server was installed (" + installedAt + ") in a folder Exchange does not add pages to");
            level = higher(level, "medium");
        }
        if (reasons.isEmpty()) return null;
        return new WebShellFinding(f, HexFormat.of().formatHex(sha256.digest()), size, modified, reasons, TECHNIQUES, level);
    }

    /** Pages are UTF-8 or UTF-16 (with a byte-order mark); decode either so that patterns see text. */
    private static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String higher(String a, String b) {
        List<String> order = List.of("low", "medium", "high", "critical");
        return a == null || order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
