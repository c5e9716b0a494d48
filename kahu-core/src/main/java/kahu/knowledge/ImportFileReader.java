package kahu.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import kahu.stix.ReadObject;
import kahu.stix.StixReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads one file of an import on its own, so that files can be read in parallel: STIX objects
 * with their JSON text already written (the database stores text), or MISP galaxy records.
 * Touches no shared state.
 */
final class ImportFileReader {
    enum Kind { STIX, MISP_CLUSTER, OTHER_JSON }

    /** A STIX object as read, with the text that will be stored. */
    record Parsed(ReadObject object, String modified, String body) {}

    /** Everything one file gave. {@code read} counts objects (STIX) or cluster values (MISP) seen. */
    record FileResult(Path file, List<Parsed> objects, List<ActorRecord> misp, List<String> problems, List<String> notes, int read) {}

    private ImportFileReader() {}

    static FileResult read(Path f, StixReader reader) {
        List<Parsed> objects = new ArrayList<>();
        List<ActorRecord> misp = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int read = 0;
        try {
            switch (sniff(f)) {
                case MISP_CLUSTER -> {
                    JsonNode root = readTree(f, problems);
                    if (root != null && MispGalaxy.isThreatActorCluster(root)) {
                        misp.addAll(MispGalaxy.records(root, f.toString(), problems));
                        read = root.path("values").size();
                    } else if (root != null) {
                        notes.add(f + ": a MISP galaxy cluster of type '" + root.path("type").asText() + "', not threat-actor: skipped");
                    }
                }
                case OTHER_JSON -> notes.add(f + ": neither STIX nor a MISP galaxy cluster (e.g. a schema or galaxy definition): skipped");
                case STIX -> reader.read(f, o -> {
                    JsonNode m = o.json().get("modified");
                    objects.add(new Parsed(o, m == null ? "" : m.asText(), KnowledgeStore.write(o.json())));
                }, p -> problems.add(p.describe()));
            }
        } catch (IOException e) {
            problems.add(f + ": cannot read: " + e.getMessage());
        }
        return new FileResult(f, objects, misp, problems, notes, read + objects.size());
    }

    /** Looks at the first few kilobytes: STIX has "type": "bundle" or an object id with "--"; MISP clusters have "values". */
    static Kind sniff(Path f) throws IOException {
        byte[] head = new byte[16384];
        int n;
        try (InputStream in = open(f)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String s = new String(head, 0, n, StandardCharsets.UTF_8);
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

    private static JsonNode readTree(Path f, List<String> problems) {
        try (InputStream in = open(f)) {
            return KnowledgeStore.JSON.readTree(in);
        } catch (IOException e) {
            problems.add(f + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }
}
