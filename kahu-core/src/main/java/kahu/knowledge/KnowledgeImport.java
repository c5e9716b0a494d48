package kahu.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.ReadObject;
import kahu.stix.StixProblem;
import kahu.stix.StixReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * {@code kahu kb import}: reads ATT&CK STIX bundles (2.0 or 2.1) and MISP galaxy clusters from files
 * and folders, derives actor records, and stores everything in <em>one</em> transaction, so that a
 * crash or kill leaves the database as it was. Bad objects are rejected one by one with the file,
 * line and object ID; the valid rest is imported.
 */
public final class KnowledgeImport {
    private final KnowledgeStore store;
    private final StixReader reader = new StixReader();

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

        // Everything is read before anything is written: the write is then one short transaction.
        Map<String, ReadObject> byVersion = new LinkedHashMap<>(); // id|modified -> object
        Map<String, ActorRecord> mispRecords = new LinkedHashMap<>();
        int read = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            progress.reading(f, i + 1, files.size(), Files.size(f), totalBytes);
            switch (sniff(f)) {
                case MISP_CLUSTER -> {
                    JsonNode root = readTree(f, rejected);
                    if (root == null) continue;
                    if (!MispGalaxy.isThreatActorCluster(root)) {
                        notes.add(f + ": a MISP galaxy cluster of type '" + root.path("type").asText() + "', not threat-actor: skipped");
                        continue;
                    }
                    List<ActorRecord> recs = MispGalaxy.records(root, f.toString(), rejected);
                    read += root.path("values").size();
                    for (ActorRecord r : recs) mispRecords.put(r.recordId(), r);
                }
                case OTHER_JSON -> notes.add(f + ": neither STIX nor a MISP galaxy cluster (e.g. a schema or galaxy definition): skipped");
                case STIX -> {
                    int[] count = {0};
                    reader.read(f, o -> {
                        count[0]++;
                        addVersion(byVersion, o, rejected);
                    }, p -> rejected.add(p.describe()));
                    read += count[0];
                }
            }
        }

        if (System.getenv("KAHU_TIMING") != null) System.err.printf("read: %d ms%n", java.time.Duration.between(started, Instant.now()).toMillis());
        Map<String, ObjectNode> latest = latestVersions(byVersion);
        int objectsRead = read;
        progress.storing(byVersion.size() + mispRecords.size());
        ImportSummary result = store.database().jdbi().inTransaction(h -> {
            dropDangling(h, byVersion, latest, rejected);
            AttackKnowledge.Result attack = AttackKnowledge.derive(latest, id -> store.findObject(h, id));
            List<ActorRecord> records = new ArrayList<>(attack.actors());
            records.addAll(mispRecords.values());
            List<AttackEntry> entries = dedupe(attack.entries());
            List<KnowledgeStore.StoredObject> stored = new ArrayList<>(byVersion.size());
            for (ReadObject o : byVersion.values()) {
                JsonNode m = o.json().get("modified");
                stored.add(new KnowledgeStore.StoredObject(o.id(), m == null ? "" : m.asText(), o.type(),
                        o.json().path("revoked").asBoolean(false), o.source(), KnowledgeStore.write(o.json())));
            }
            int imported = stored.size() + mispRecords.size();
            long importId = store.insertImportRun(h, "import", String.join(" ", paths.stream().map(Path::toString).toList()),
                    started, objectsRead, imported, rejected.size());
            if (System.getenv("KAHU_TIMING") != null) System.err.printf("derived: %d ms%n", java.time.Duration.between(started, Instant.now()).toMillis());
            store.writeObjects(h, importId, stored);
            if (System.getenv("KAHU_TIMING") != null) System.err.printf("objects written: %d ms%n", java.time.Duration.between(started, Instant.now()).toMillis());
            store.writeRecords(h, importId, records);
            store.writeEntries(h, importId, entries);
            if (System.getenv("KAHU_TIMING") != null) System.err.printf("all written: %d ms%n", java.time.Duration.between(started, Instant.now()).toMillis());
            return new ImportSummary(importId, files.size(), objectsRead, imported, records.size(), entries.size(), rejected, notes);
        });
        if (System.getenv("KAHU_TIMING") != null) System.err.printf("committed: %d ms%n", java.time.Duration.between(started, Instant.now()).toMillis());
        return result;
    }

    private static void addVersion(Map<String, ReadObject> byVersion, ReadObject o, List<String> rejected) {
        JsonNode m = o.json().get("modified");
        String key = o.id() + "|" + (m == null ? "" : m.asText());
        ReadObject before = byVersion.putIfAbsent(key, o);
        if (before != null && !before.json().equals(o.json())) {
            byVersion.put(key, before);
            rejected.add(new StixProblem(o.source(), o.line(), o.id(),
                    "duplicate id with different content (same modified time as in " + before.source() + ":" + before.line() + ")").describe());
        }
    }

    private static Map<String, ObjectNode> latestVersions(Map<String, ReadObject> byVersion) {
        Map<String, ObjectNode> latest = new HashMap<>();
        for (ReadObject o : byVersion.values()) {
            latest.merge(o.id(), o.json(), (a, b) -> a.path("modified").asText("").compareTo(b.path("modified").asText("")) >= 0 ? a : b);
        }
        return latest;
    }

    /** Relationships and sightings whose ends are neither in this import nor stored are rejected. */
    private void dropDangling(org.jdbi.v3.core.Handle h, Map<String, ReadObject> byVersion, Map<String, ObjectNode> latest,
                              List<String> rejected) {
        Map<String, List<String>> missingBy = new LinkedHashMap<>();
        for (ReadObject o : byVersion.values()) {
            for (String field : new String[] {"source_ref", "target_ref", "sighting_of_ref"}) {
                JsonNode ref = o.json().get(field);
                if (ref != null && !latest.containsKey(ref.asText())) {
                    missingBy.computeIfAbsent(ref.asText(), k -> new ArrayList<>()).add(o.id() + "|" + o.json().path("modified").asText(""));
                }
            }
        }
        if (missingBy.isEmpty()) return;
        var found = store.existingIds(h, missingBy.keySet());
        missingBy.forEach((ref, keys) -> {
            if (found.contains(ref)) return;
            for (String key : keys) {
                ReadObject o = byVersion.remove(key);
                if (o == null) continue;
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

    private enum Kind { STIX, MISP_CLUSTER, OTHER_JSON }

    /** Looks at the first few kilobytes: STIX has "type": "bundle" or an object id with "--"; MISP clusters have "values". */
    private static Kind sniff(Path f) throws IOException {
        byte[] head = new byte[16384];
        int n;
        try (InputStream in = open(f)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String s = new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        if (s.contains("\"$schema\"")) return Kind.OTHER_JSON;
        if (s.matches("(?s).*\"type\"\\s*:\\s*\"bundle\".*") || s.matches("(?s).*\"id\"\\s*:\\s*\"[a-z0-9-]+--.*")) return Kind.STIX;
        if (s.contains("\"values\"") || s.contains("\"authors\"")) return Kind.MISP_CLUSTER;
        if (s.contains("\"namespace\"") && s.contains("\"icon\"")) return Kind.OTHER_JSON;
        return Kind.STIX; // let the STIX reader say what is wrong with it
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        return f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static JsonNode readTree(Path f, List<String> rejected) {
        try (InputStream in = open(f)) {
            return KnowledgeStore.JSON.readTree(in);
        } catch (IOException e) {
            rejected.add(f + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }
}
