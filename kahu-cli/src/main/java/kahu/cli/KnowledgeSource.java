package kahu.cli;

import kahu.knowledge.ImportProgress;
import kahu.knowledge.ImportSummary;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeImport;
import kahu.knowledge.KnowledgeLoader;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The knowledge base a command works with: the stored one (KAHU_HOME or --db), or one imported on the
 * fly into a throw-away in-memory database from {@code --kb PATH…}. The built-in curated actors are
 * part of both.
 */
final class KnowledgeSource {
    private KnowledgeSource() {}

    static KnowledgeBase load(List<Path> kbPaths, String dbUrl) throws IOException {
        if (kbPaths == null || kbPaths.isEmpty()) {
            try (Database db = Database.open(dbUrl)) {
                return KnowledgeLoader.load(new KnowledgeStore(db));
            }
        }
        // Dropped once the knowledge base is loaded.
        String url = Database.inMemoryUrl("kb");
        System.err.println("kahu: importing " + kbPaths + " into an in-memory database...");
        try (Database db = Database.open(url)) {
            KnowledgeStore store = new KnowledgeStore(db);
            ImportSummary s = new KnowledgeImport(store).importPaths(kbPaths, ImportProgress.NONE);
            if (!s.rejected().isEmpty()) {
                System.err.printf("kahu: --kb: %d object(s) rejected, e.g. %s%n", s.rejected().size(), s.rejected().getFirst());
            }
            KnowledgeBase loaded = KnowledgeLoader.load(store);
            db.jdbi().useHandle(h -> h.createUpdate("DROP ALL OBJECTS").execute());
            return loaded;
        }
    }
}
