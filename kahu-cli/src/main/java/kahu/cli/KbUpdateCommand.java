package kahu.cli;

import kahu.knowledge.ImportProgress;
import kahu.knowledge.ImportSummary;
import kahu.knowledge.KnowledgeImport;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import kahu.store.KahuHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kahu kb update}: downloads the current ATT&CK Enterprise release and imports it. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Download the current MITRE ATT&CK Enterprise release (STIX 2.1) and import it.")
final class KbUpdateCommand implements Callable<Integer> {
    /** MITRE's published STIX 2.1 Enterprise bundle; override with --url or KAHU_ATTACK_URL. */
    static final String DEFAULT_URL =
            "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack.json";

    @ParentCommand
    KbCommand kb;

    @Option(names = "--url", paramLabel = "URL",
            description = "Where to download from; repeat for several bundles (default: KAHU_ATTACK_URL, else MITRE's attack-stix-data).")
    List<String> urls;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        List<String> sources = urls != null ? urls
                : List.of(System.getenv().getOrDefault("KAHU_ATTACK_URL", DEFAULT_URL));
        Path dir = KahuHome.resolve().resolve("downloads");
        Files.createDirectories(dir);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        List<Path> files = new ArrayList<>();
        for (String url : sources) {
            String name = Path.of(URI.create(url).getPath()).getFileName().toString();
            Path target = dir.resolve(name.isBlank() ? "attack.json" : name);
            Path tmp = Files.createTempFile(dir, "download-", ".part");
            System.err.println("kahu: downloading " + url);
            HttpResponse<Path> resp = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(tmp));
            if (resp.statusCode() != 200) {
                Files.deleteIfExists(tmp);
                System.err.println("kahu: " + url + " answered HTTP " + resp.statusCode() + "; nothing imported");
                return Main.BAD_INPUT;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            files.add(target);
        }
        long start = System.nanoTime();
        ImportSummary s;
        try (Database db = kb.openDatabase()) {
            s = new KnowledgeImport(new KnowledgeStore(db)).importPaths(files, ImportProgress.NONE);
        }
        KbImportCommand.printSummary(s, format, (System.nanoTime() - start) / 1_000_000);
        return s.nothingImported() ? Main.BAD_INPUT : Main.OK;
    }
}
