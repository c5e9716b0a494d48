package kahu.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.ReadObject;
import kahu.stix.StixProblem;
import kahu.stix.StixReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code kahu kb import}: reads ATT&CK STIX bundles (2.0 or 2.1) and MISP galaxy clusters from files
 * and folders, derives actor records, and stores everything in <em>one</em> transaction, so that a
 * crash or kill leaves the database as it was. Bad objects are rejected one by one with the file,
 * line and object ID; the valid rest is imported.
 */
public final class KnowledgeImport {
    private final KnowledgeStore store;

    public KnowledgeImport(KnowledgeStore store) {
        this.store = store;
    }

    /** Regular files under {@code paths} (folders walked recursively), JSON ones only, in a stable order. */
    static List<Path> expand(List<Path> paths, List<String> rejected) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(KnowledgeImport::isJson).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                rejected.add(p + ": no such file or folder");
            }
        }
        return files;
    }

    private static boolean isJson(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".json.gz");
    }

    public ImportSummary importPaths(List<Path> paths, ImportProgress progress) throws IOException {
        Instant started = Instant.now();
        List<String> rejected = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Path> files = expand(paths, rejected);
        long totalBytes = 0;
        for (Path f : files) totalBytes += Files.size(f);

        // Everything is read before anything is written, so that the write is one short transaction.
        // Files are parsed in parallel (parsing is CPU-bound: one thread per core) and merged in order.
        Map<String, ImportFileReader.Parsed> byVersion = new LinkedHashMap<>(); // id|modified -> object
        Map<String, ActorRecord> mispRecords = new LinkedHashMap<>();
        int read = 0;
        int threads = Integer.getInteger("kahu.import.threads", Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors())));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<ImportFileReader.FileResult>> results = new ArrayList<>();
            for (Path f : files) results.add(pool.submit(() -> ImportFileReader.read(f, new StixReader())));
            for (int i = 0; i < files.size(); i++) {
                progress.reading(files.get(i), i + 1, files.size(), Files.size(files.get(i)), totalBytes);
                ImportFileReader.FileResult r = join(results.get(i));
                read += r.read();
                rejected.addAll(r.problems());
                notes.addAll(r.notes());
                for (ImportFileReader.Parsed p : r.objects()) addVersion(byVersion, p, rejected);
                for (ActorRecord rec : r.misp()) mispRecords.put(rec.recordId(), rec);
            }
        }

        progress.finished("read");
        Map<String, ObjectNode> latest = latestVersions(byVersion);
        int objectsRead = read;
        progress.storing(byVersion.size() + mispRecords.size());
        ImportSummary summary = store.database().jdbi().inTransaction(h -> {
            dropDangling(h, byVersion, latest, rejected);
            AttackKnowledge.Result attack = AttackKnowledge.derive(latest, id -> store.findObject(h, id));
            List<ActorRecord> records = new ArrayList<>(attack.actors());
            records.addAll(mispRecords.values());
            List<AttackEntry> entries = dedupe(attack.entries());
            progress.finished("derive");
            List<KnowledgeStore.StoredObject> stored = new ArrayList<>(byVersion.size());
            for (ImportFileReader.Parsed p : byVersion.values()) {
                ReadObject o = p.object();
                stored.add(new KnowledgeStore.StoredObject(o.id(), p.modified(), o.type(),
                        o.json().path("revoked").asBoolean(false), o.source(), p.body()));
            }
            int imported = stored.size() + mispRecords.size();
            long importId = store.insertImportRun(h, "import", String.join(" ", paths.stream().map(Path::toString).toList()),
                    started, objectsRead, imported, rejected.size());
            store.writeObjects(h, importId, stored);
            progress.finished("write objects");
            store.writeRecords(h, importId, records);
            store.writeEntries(h, importId, entries);
            progress.finished("write knowledge");
            return new ImportSummary(importId, files.size(), objectsRead, imported, records.size(), entries.size(), rejected, notes);
        });
        progress.finished("commit");
        return summary;
    }

    private static ImportFileReader.FileResult join(Future<ImportFileReader.FileResult> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    private static void addVersion(Map<String, ImportFileReader.Parsed> byVersion, ImportFileReader.Parsed p, List<String> rejected) {
        ReadObject o = p.object();
        String key = o.id() + "|" + p.modified();
        ImportFileReader.Parsed before = byVersion.putIfAbsent(key, p);
        if (before != null && !before.object().json().equals(o.json())) {
            rejected.add(new StixProblem(o.source(), o.line(), o.id(), "duplicate id with different content (same modified time as in "
                    + before.object().source() + ":" + before.object().line() + ")").describe());
        }
    }

    private static Map<String, ObjectNode> latestVersions(Map<String, ImportFileReader.Parsed> byVersion) {
        Map<String, ObjectNode> latest = new HashMap<>();
        Map<String, String> latestModified = new HashMap<>();
        for (ImportFileReader.Parsed p : byVersion.values()) {
            String id = p.object().id();
            String m = latestModified.get(id);
            if (m == null || p.modified().compareTo(m) > 0) {
                latestModified.put(id, p.modified());
                latest.put(id, p.object().json());
            }
        }
        return latest;
    }

    /** Relationships and sightings whose ends are neither in this import nor stored are rejected. */
    private void dropDangling(org.jdbi.v3.core.Handle h, Map<String, ImportFileReader.Parsed> byVersion, Map<String, ObjectNode> latest,
                              List<String> rejected) {
        Map<String, List<String>> missingBy = new LinkedHashMap<>();
        for (ImportFileReader.Parsed p : byVersion.values()) {
            ReadObject o = p.object();
            for (String field : new String[] {"source_ref", "target_ref", "sighting_of_ref"}) {
                JsonNode ref = o.json().get(field);
                if (ref != null && !latest.containsKey(ref.asText())) {
                    missingBy.computeIfAbsent(ref.asText(), k -> new ArrayList<>()).add(o.id() + "|" + p.modified());
                }
            }
        }
        if (missingBy.isEmpty()) return;
        var found = store.existingIds(h, missingBy.keySet());
        missingBy.forEach((ref, keys) -> {
            if (found.contains(ref)) return;
            for (String key : keys) {
                ImportFileReader.Parsed p = byVersion.remove(key);
                if (p == null) continue;
                ReadObject o = p.object();
                latest.remove(o.id());
                rejected.add(new StixProblem(o.source(), o.line(), o.id(), "dangling reference to " + ref
                        + " (not in this import nor in the database)").describe());
            }
        });
    }

    private static List<AttackEntry> dedupe(List<AttackEntry> entries) {
        Map<String, AttackEntry> out = new LinkedHashMap<>();
        for (AttackEntry e : entries) {
            out.merge(e.attackId(), e, (a, b) -> a.revokedBy() == null && !a.deprecated() ? a : b);
        }
        return List.copyOf(out.values());
    }
}
