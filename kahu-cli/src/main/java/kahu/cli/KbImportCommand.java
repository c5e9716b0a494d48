package kahu.cli;

import kahu.knowledge.ImportProgress;
import kahu.knowledge.ImportSummary;
import kahu.knowledge.KnowledgeImport;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kahu kb import PATH…} */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import MITRE ATT&CK STIX bundles (2.0 or 2.1) and MISP galaxy threat-actor clusters, files or folders.")
final class KbImportCommand implements Callable<Integer> {
    @ParentCommand
    KbCommand kb;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (walked recursively; .json and .json.gz).")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--timings", description = "Print how long each step took (to standard error).")
    boolean timings;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        ImportSummary s;
        try (Database db = kb.openDatabase(); ProgressBar bar = new ProgressBar(System.err)) {
            if (timings) System.err.printf("kahu: %-16s done at %,6d ms%n", "open database", (System.nanoTime() - start) / 1_000_000);
            s = new KnowledgeImport(new KnowledgeStore(db)).importPaths(paths, new ImportProgress() {
                long done;

                @Override
                public void reading(Path file, int index, int total, long bytes, long totalBytes) {
                    bar.show(totalBytes == 0 ? 0 : (double) done / totalBytes * 0.8, "reading " + file.getFileName() + " (" + index + "/" + total + ")");
                    done += bytes;
                }

                @Override
                public void storing(int objects) {
                    bar.show(0.85, "storing " + objects + " objects");
                }

                @Override
                public void finished(String step) {
                    if (timings) System.err.printf("kahu: %-16s done at %,6d ms%n", step, (System.nanoTime() - start) / 1_000_000);
                }
            });
        }
        if (timings) System.err.printf("kahu: %-16s done at %,6d ms%n", "close", (System.nanoTime() - start) / 1_000_000);
        printSummary(s, format, (System.nanoTime() - start) / 1_000_000);
        return s.nothingImported() && !s.rejected().isEmpty() ? Main.BAD_INPUT : Main.OK;
    }

    static void printSummary(ImportSummary s, String format, long millis) {
        if (format.equals("json")) {
            var o = Json.MAPPER.createObjectNode();
            o.put("files", s.files());
            o.put("read", s.objectsRead());
            o.put("imported", s.objectsImported());
            o.put("actor_records", s.actorRecords());
            o.put("attack_entries", s.attackEntries());
            o.put("rejected_count", s.rejected().size());
            var arr = o.putArray("rejected");
            s.rejected().forEach(arr::add);
            var notes = o.putArray("notes");
            s.notes().forEach(notes::add);
            o.put("millis", millis);
            System.out.println(Json.pretty(o));
            return;
        }
        System.out.printf("Imported %,d of %,d objects read from %d file(s) in %.1f s: %,d actor records, %,d ATT&CK entries; %,d rejected.%n",
                s.objectsImported(), s.objectsRead(), s.files(), millis / 1000.0, s.actorRecords(), s.attackEntries(), s.rejected().size());
        if (!s.rejected().isEmpty()) {
            System.out.println("Rejected:");
            s.rejected().stream().limit(50).forEach(r -> System.out.println("  " + r));
            if (s.rejected().size() > 50) System.out.println("  … and " + (s.rejected().size() - 50) + " more (use --format json for all)");
        }
        if (!s.notes().isEmpty()) {
            System.out.println("Skipped:");
            s.notes().forEach(n -> System.out.println("  " + n));
        }
    }
}
