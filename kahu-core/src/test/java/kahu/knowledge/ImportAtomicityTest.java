package kahu.knowledge;

import kahu.store.Database;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills (SIGKILL) a real import process at several points while it writes, then opens the database:
 * it must hold either nothing of that import or all of it, never part of the object graph.
 */
class ImportAtomicityTest {
    @TempDir
    Path tmp;

    /** The child process: imports the paths given into the database given, saying when it starts to store. */
    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(args[0])) {
            new KnowledgeImport(new KnowledgeStore(db)).importPaths(
                    List.of(args).subList(1, args.length).stream().map(Path::of).toList(), new ImportProgress() {
                        @Override
                        public void storing(int objects) {
                            System.out.println("STORING");
                            System.out.flush();
                        }
                    });
        }
        System.out.println("DONE");
    }

    @Test
    void aKilledImportLeavesTheDatabaseAsItWasOrComplete() throws Exception {
        String url = Database.h2Url(tmp.resolve("kahu"));
        // A first, completed import: the later, killed imports must not damage it.
        try (Database db = Database.open(url)) {
            new KnowledgeImport(new KnowledgeStore(db)).importPaths(List.of(SharedData.attackSample()), ImportProgress.NONE);
        }
        Map<String, Long> before = counts(url);
        List<String> outcomes = new ArrayList<>();
        for (long delayMs : new long[] {0, 150, 400, 900}) {
            Process p = new ProcessBuilder(javaCommand(url, SharedData.attack().toString())).redirectErrorStream(true).start();
            boolean storing = false;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals("STORING")) { storing = true; break; }
                }
                assertThat(storing).as("child reached the storing phase").isTrue();
                Thread.sleep(delayMs);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Long> after = counts(url);
            boolean unchanged = after.equals(before);
            boolean complete = after.get("stix_objects") == 24_772 && after.get("actor_records") == 187 && after.get("imports") == before.get("imports") + 1;
            outcomes.add(delayMs + "ms: " + (unchanged ? "unchanged" : complete ? "complete" : "PARTIAL " + after));
            assertThat(unchanged || complete).as("after a kill %d ms into storing: %s", delayMs, after).isTrue();
            if (complete) break; // later kills would only test an import of data already there
        }
        System.out.println("kill outcomes: " + outcomes);
    }

    private static Map<String, Long> counts(String url) {
        try (Database db = Database.open(url)) {
            return new KnowledgeStore(db).counts();
        }
    }

    private static List<String> javaCommand(String url, String path) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), ImportAtomicityTest.class.getName(), url, path);
    }
}
