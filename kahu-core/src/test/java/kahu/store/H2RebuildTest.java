package kahu.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An H2 file left open (as by a killed process) is rebuilt from its tables when next opened; a clean one is left alone. */
class H2RebuildTest {
    @TempDir
    Path tmp;

    private static void addOrganisation(Database db, String id) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO organisation (id, name, pseudonym, sector, size, country) VALUES (?, ?, ?, ?, ?, ?)",
                id, "Name " + id, "Organisation " + id, "health", "small", "NZ"));
    }

    private static List<String> organisations(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM organisation ORDER BY id").mapTo(String.class).list());
    }

    @Test
    void aFileCopiedWhileOpenIsUncleanAndIsRebuiltWithItsRows() throws Exception {
        Path live = tmp.resolve("live"), copy = tmp.resolve("copy");
        try (Database db = Database.open(Database.h2Url(live))) {
            addOrganisation(db, "org-1");
            addOrganisation(db, "org-2");
            db.jdbi().useHandle(h -> h.execute("CHECKPOINT"));
            // What a killed process leaves: the file as it was while open, without H2's clean mark.
            Files.copy(Path.of(live + ".mv.db"), Path.of(copy + ".mv.db"));
        }
        assertThat(H2Rebuild.isClean(Path.of(live + ".mv.db"))).isTrue();
        assertThat(H2Rebuild.isClean(Path.of(copy + ".mv.db"))).isFalse();

        try (Database db = Database.open(Database.h2Url(copy))) {
            assertThat(organisations(db)).containsExactly("org-1", "org-2");
            addOrganisation(db, "org-3");
            assertThat(organisations(db)).containsExactly("org-1", "org-2", "org-3");
        }
        assertThat(H2Rebuild.isClean(Path.of(copy + ".mv.db"))).isTrue();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("rebuild"));
        }
    }

    @Test
    void anInterruptedRebuildIsDoneAgainAndACleanFileIsNotTouched() throws Exception {
        Path stem = tmp.resolve("db");
        try (Database db = Database.open(Database.h2Url(stem))) {
            addOrganisation(db, "org-1");
        }
        Path file = Path.of(stem + ".mv.db");
        long before = Files.getLastModifiedTime(file).toMillis();
        H2Rebuild.ifUnclean(Database.h2Url(stem));
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(before);

        // A rebuild killed after scripting leaves the old file closed cleanly, so only its marker says to redo it.
        Files.writeString(Path.of(stem + ".rebuild-needed"), "rebuild\n");
        Files.writeString(Path.of(stem + ".rebuild.sql"), "half a script");
        try (Database db = Database.open(Database.h2Url(stem))) {
            assertThat(organisations(db)).containsExactly("org-1");
        }
        assertThat(Path.of(stem + ".rebuild-needed")).doesNotExist();
        assertThat(Path.of(stem + ".rebuild.sql")).doesNotExist();
    }

    @Test
    void aFileThisProcessHasOpenIsNotRebuiltUnderIt() throws Exception {
        String url = Database.h2Url(tmp.resolve("shared"));
        try (Database first = Database.open(url)) {
            addOrganisation(first, "org-1");
            // Open here, the file has no clean mark; a second handle must use it as it is, not move a rebuilt copy over it.
            try (Database second = Database.open(url)) {
                addOrganisation(second, "org-2");
            }
            addOrganisation(first, "org-3");
        }
        try (Database again = Database.open(url)) {
            assertThat(organisations(again)).containsExactly("org-1", "org-2", "org-3");
        }
    }
}
