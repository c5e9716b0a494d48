package kahu.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server, start to end: its benign activity and the operations against it, sorted by time and
 * written (logs, then the web folders with their pages' modification times). Memory holds one
 * server's records at a time.
 */
final class ServerSimulation {
    private ServerSimulation() {}

    /** Bytes and lines written for the server. */
    record Written(long bytes, long lines) {}

    static Written run(Path root, Layout layout, Scenario scenario, long seed, Tradecraft tradecraft, Organisation org, Organisation.Host host,
                       List<Operation> ops) throws IOException {
        List<LogRecord> records = new ArrayList<>(1024);
        new BenignActivity(scenario, org, host, Rng.of(seed, Rng.BENIGN, org.index(), host.index())).generate(records);
        Map<String, byte[]> pages = new LinkedHashMap<>();
        Map<String, Long> pageTimes = new LinkedHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            Rng r = Rng.of(seed, Rng.OPERATION, org.index(), host.index(), Rng.hash(op.campaign.id()));
            new OperationActivity(org, host, op, i, tradecraft, r, records, pages, pageTimes).generate();
        }
        records.sort(Comparator.comparingLong(LogRecord::time)); // stable: equal times keep generation order
        String hostDir = layout.hostDir(org.id(), host.name());
        long bytes;
        long lines;
        try (ServerFiles files = ServerFiles.of(layout, root, hostDir)) {
            try (ServerLogWriter w = new ServerLogWriter(files, hostDir, org, host, Rng.of(seed, Rng.WEB, org.index(), host.index()),
                    (op, location) -> ops.get(op).events.add(location))) {
                w.write(records);
                bytes = w.bytes;
                lines = w.lines;
            }
            bytes += writePages(files, layout == Layout.FOLDERS ? root.resolve(hostDir) : null, hostDir, scenario, seed, org, host, pages,
                    pageTimes);
        }
        return new Written(bytes, lines);
    }

    /** Exchange's own pages (dated at installation, before the period) and the shells the operations dropped. */
    /** @param hostFolder the server's folder in the folder layout (for the empty aspnet_client folder), else null */
    private static long writePages(ServerFiles files, Path hostFolder, String hostDir, Scenario scenario, long seed, Organisation org,
                                   Organisation.Host host, Map<String, byte[]> shells, Map<String, Long> shellTimes) throws IOException {
        Rng r = Rng.of(seed, Rng.WEB, org.index(), host.index(), 1);
        long installed = (scenario.start().toEpochDay() - 60 - r.nextInt(600)) * Times.DAY + r.nextLong(Times.DAY);
        long bytes = 0;
        String owaAuth = WebShells.relative(WebShells.DIRS.get("owa_auth")[0]);
        for (String page : WebShells.EXCHANGE_PAGES) {
            bytes += page(files, hostDir + "/" + owaAuth + page, WebShells.benignPage(page).getBytes(), installed);
        }
        if (hostFolder != null) Files.createDirectories(hostFolder.resolve("inetpub/wwwroot/aspnet_client/system_web"));
        for (Map.Entry<String, byte[]> e : shells.entrySet()) {
            bytes += page(files, hostDir + "/" + e.getKey(), e.getValue(), shellTimes.get(e.getKey()));
        }
        return bytes;
    }

    private static long page(ServerFiles files, String rel, byte[] content, long modified) throws IOException {
        files.write(rel, content, content.length, modified, true);
        return content.length;
    }
}
