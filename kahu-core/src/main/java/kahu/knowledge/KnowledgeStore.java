package kahu.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import kahu.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads and writes the knowledge tables (actor records, ATT&CK entries, decisions, STIX objects). */
public final class KnowledgeStore {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int BATCH = 500;

    private final Database db;

    public KnowledgeStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    List<ActorRecord> actorRecords() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM actor_record ORDER BY record_id")
                .mapTo(String.class).map(KnowledgeStore::readRecord).list());
    }

    List<AttackEntry> attackEntries() {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT attack_id, kind, stix_id, name, revoked_by, deprecated, techniques, aliases FROM attack_entry")
                .map((rs, ctx) -> new AttackEntry(rs.getString(1), AttackEntry.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), splitIds(rs.getString(7)),
                        rs.getString(8) == null ? List.of() : rs.getString(8).lines().toList()))
                .list());
    }

    public List<ActorDecision> decisions() {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT action, subject, other, reason, analyst, decided_at FROM actor_decision ORDER BY id")
                .map((rs, ctx) -> new ActorDecision(ActorDecision.Action.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list());
    }

    public void record(ActorDecision d) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO actor_decision (action, subject, other, reason, analyst, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .bind(0, d.action().name()).bind(1, d.subject()).bind(2, d.other()).bind(3, d.reason())
                .bind(4, d.analyst()).bind(5, Timestamp.from(d.decidedAt())).execute());
    }

    /** The newest stored version of a STIX object, or null. */
    ObjectNode findObject(Handle h, String id) {
        return h.createQuery("SELECT body FROM stix_object WHERE id = ? ORDER BY modified DESC")
                .bind(0, id).mapTo(String.class).findFirst().map(KnowledgeStore::readObject).orElse(null);
    }

    /** Every stored STIX object whose id is in {@code ids} (any version). */
    java.util.Set<String> existingIds(Handle h, Collection<String> ids) {
        java.util.Set<String> found = new java.util.HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            found.addAll(h.createQuery("SELECT DISTINCT id FROM stix_object WHERE id IN (<ids>)")
                    .bindList("ids", all.subList(i, Math.min(all.size(), i + BATCH))).mapTo(String.class).list());
        }
        return found;
    }

    public Map<String, Long> counts() {
        return db.jdbi().withHandle(h -> Map.of(
                "stix_objects", h.createQuery("SELECT COUNT(*) FROM stix_object").mapTo(Long.class).one(),
                "actor_records", h.createQuery("SELECT COUNT(*) FROM actor_record").mapTo(Long.class).one(),
                "attack_entries", h.createQuery("SELECT COUNT(*) FROM attack_entry").mapTo(Long.class).one(),
                "imports", h.createQuery("SELECT COUNT(*) FROM import_run").mapTo(Long.class).one(),
                "decisions", h.createQuery("SELECT COUNT(*) FROM actor_decision").mapTo(Long.class).one()));
    }

    long insertImportRun(Handle h, String kind, String sources, Instant started, int read, int imported, int rejected) {
        return h.createUpdate("""
                        INSERT INTO import_run (kind, sources, started_at, finished_at, objects_read, objects_imported, objects_rejected)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .bind(0, kind).bind(1, sources).bind(2, Timestamp.from(started)).bind(3, Timestamp.from(Instant.now()))
                .bind(4, read).bind(5, imported).bind(6, rejected)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A STIX object ready to store: its JSON text is written once, here. */
    record StoredObject(String id, String modified, String type, boolean revoked, String source, String body) {}

    void writeObjects(Handle h, long importId, Collection<StoredObject> objects) {
        PreparedBatch delete = h.prepareBatch("DELETE FROM stix_object WHERE id = ? AND modified = ?");
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO stix_object (id, modified, type, revoked, source, import_id, body) VALUES (?, ?, ?, ?, ?, ?, ?)""");
        int n = 0;
        for (StoredObject o : objects) {
            delete.bind(0, o.id()).bind(1, o.modified()).add();
            insert.bind(0, o.id()).bind(1, o.modified()).bind(2, o.type()).bind(3, o.revoked())
                    .bind(4, o.source()).bind(5, importId).bind(6, o.body()).add();
            if (++n % BATCH == 0) {
                delete.execute();
                insert.execute();
            }
        }
        if (n % BATCH != 0) {
            delete.execute();
            insert.execute();
        }
    }

    void writeRecords(Handle h, long importId, Collection<ActorRecord> records) {
        PreparedBatch delete = h.prepareBatch("DELETE FROM actor_record WHERE record_id = ?");
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO actor_record (record_id, origin, name, attack_id, import_id, body) VALUES (?, ?, ?, ?, ?, ?)""");
        for (ActorRecord r : records) {
            delete.bind(0, r.recordId()).add();
            insert.bind(0, r.recordId()).bind(1, r.origin()).bind(2, r.name()).bind(3, r.attackId())
                    .bind(4, importId).bind(5, write(r)).add();
        }
        if (!records.isEmpty()) {
            delete.execute();
            insert.execute();
        }
    }

    void writeEntries(Handle h, long importId, Collection<AttackEntry> entries) {
        PreparedBatch delete = h.prepareBatch("DELETE FROM attack_entry WHERE attack_id = ?");
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO attack_entry (attack_id, kind, stix_id, name, revoked_by, deprecated, import_id, techniques, aliases)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        for (AttackEntry e : entries) {
            delete.bind(0, e.attackId()).add();
            insert.bind(0, e.attackId()).bind(1, e.kind().name()).bind(2, e.stixId()).bind(3, e.name())
                    .bind(4, e.revokedBy()).bind(5, e.deprecated()).bind(6, importId)
                    .bind(7, e.techniques().isEmpty() ? null : String.join(" ", e.techniques()))
                    .bind(8, e.aliases().isEmpty() ? null : String.join("\n", e.aliases())).add();
        }
        if (!entries.isEmpty()) {
            delete.execute();
            insert.execute();
        }
    }

    private static List<String> splitIds(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split(" +"));
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ActorRecord readRecord(String json) {
        try {
            return JSON.readValue(json, ActorRecord.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode readObject(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
