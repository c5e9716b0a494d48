package kahu.stix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads STIX 2.1 (and 2.0, upgraded) from bundles, single objects or arrays of objects.
 * Valid objects go to one consumer, problems to another; a bad object never stops the rest.
 * (Interim implementation: the full reader with line numbers, limits and validation replaces it.)
 */
public final class StixReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Streams every object of {@code file}; returns normally even when the file is malformed. */
    public void read(Path file, Consumer<ReadObject> objects, Consumer<StixProblem> problems) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, file.toString(), objects, problems);
        }
    }

    public void read(InputStream in, String source, Consumer<ReadObject> objects, Consumer<StixProblem> problems) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            problems.accept(new StixProblem(source, 0, null, "not valid JSON: " + e.getMessage()));
            return;
        }
        JsonNode list = root.has("objects") ? root.get("objects") : root;
        if (list.isObject()) list = MAPPER.createArrayNode().add(list);
        for (JsonNode n : list) {
            if (!(n instanceof ObjectNode o) || !o.hasNonNull("id") || !o.hasNonNull("type")) {
                problems.accept(new StixProblem(source, 0, null, "object without id or type"));
                continue;
            }
            boolean upgraded = !o.has("spec_version");
            if (upgraded) o.put("spec_version", "2.1");
            objects.accept(new ReadObject(o.get("id").asText(), o.get("type").asText(), o, source, 0, upgraded));
        }
    }
}
