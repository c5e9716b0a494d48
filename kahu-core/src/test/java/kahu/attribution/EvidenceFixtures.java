package kahu.attribution;

import kahu.knowledge.ImportProgress;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeImport;
import kahu.knowledge.KnowledgeLoader;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import kahu.testing.SharedData;
import kahu.testing.TestDatabases;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The attribution test fixtures and a knowledge base with ATT&CK entries, built once per JVM. */
final class EvidenceFixtures {
    private static KnowledgeBase attackKb;

    private EvidenceFixtures() {}

    static Path fixture(String name) {
        try {
            return Path.of(EvidenceFixtures.class.getResource("/attribution/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture attribution/" + name, e);
        }
    }

    /**
     * The ATT&CK sample plus {@code attack-supplement.json} (a revoked technique and a software's
     * techniques, which the sample lacks) imported into a fresh H2 database: the real import path.
     */
    static synchronized KnowledgeBase attackKnowledge() throws Exception {
        if (attackKb == null) {
            try (Database db = TestDatabases.open("h2")) {
                KnowledgeStore store = new KnowledgeStore(db);
                new KnowledgeImport(store).importPaths(List.of(SharedData.attackSample(), fixture("attack-supplement.json")),
                        ImportProgress.NONE);
                attackKb = KnowledgeLoader.load(store);
            }
        }
        return attackKb;
    }
}
