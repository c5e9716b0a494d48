package kahu.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

    static Written run(Path root, Scenario scenario, long seed, Tradecraft tradecraft, Organisation org, Organisation.Host host,
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
        String hostDir = "logs/" + org.id() + "/" + host.name();
        long bytes;
        long lines;
        try (ServerLogWriter w = new ServerLogWriter(root, hostDir, org, host, Rng.of(seed, Rng.WEB, org.index(), host.index()),
                (op, location) -> ops.get(op).events.add(location))) {
            w.write(records);
            bytes = w.bytes;
            lines = w.lines;
        }
        bytes += writePages(root.resolve(hostDir), scenario, seed, org, host, pages, pageTimes);
        return new Written(bytes, lines);
    }

    /** Exchange's own pages (dated at installation, before the period) and the shells the operations dropped. */
    private static long writePages(Path hostRoot, Scenario scenario, long seed, Organisation org, Organisation.Host host,
                                   Map<String, byte[]> shells, Map<String, Long> shellTimes) throws IOException {
        Rng r = Rng.of(seed, Rng.WEB, org.index(), host.index(), 1);
        long installed = (scenario.start().toEpochDay() - 60 - r.nextInt(600)) * Times.DAY + r.nextLong(Times.DAY);
        long bytes = 0;
        String owaAuth = WebShells.relative(WebShells.DIRS.get("owa_auth")[0]);
        for (String page : WebShells.EXCHANGE_PAGES) bytes += page(hostRoot.resolve(owaAuth + page), WebShells.benignPage(page).getBytes(), installed);
        Files.createDirectories(hostRoot.resolve("inetpub/wwwroot/aspnet_client/system_web"));
        for (Map.Entry<String, byte[]> e : shells.entrySet()) bytes += page(hostRoot.resolve(e.getKey()), e.getValue(), shellTimes.get(e.getKey()));
        return bytes;
    }

    private static long page(Path file, byte[] content, long modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
        return content.length;
    }
}
