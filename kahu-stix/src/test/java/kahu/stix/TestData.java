package kahu.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The public data in shared/data, found through the kahu.shared.data system property (never copied into the repo). */
public final class TestData {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestData() {}

    public static Path shared() {
        String p = System.getProperty("kahu.shared.data");
        if (p == null) throw new IllegalStateException("system property kahu.shared.data is not set (surefire sets it)");
        return Path.of(p).normalize();
    }

    public static Path examples() {
        return shared().resolve("stix2.1-examples");
    }

    public static Path attack() {
        return shared().resolve("attack");
    }

    public static Path attackSample() {
        return attack().resolve("sample/enterprise-attack-sample-G0016-G0065-G0125-G0128.json");
    }

    public static Path schemas() {
        return shared().resolve("stix2.1-schemas/schemas");
    }

    /** The 8 OASIS example files. */
    public static List<Path> exampleFiles() {
        try (Stream<Path> s = Files.walk(examples())) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 16 ATT&CK bundles (not the sample). */
    public static List<Path> attackFiles() {
        try (Stream<Path> s = Files.list(attack())) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The STIX objects of a file as plain JSON trees: a bundle's objects, or the file's single object. */
    public static List<ObjectNode> objectsOf(Path file) {
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            List<ObjectNode> out = new ArrayList<>();
            if ("bundle".equals(root.path("type").asText())) root.get("objects").forEach(o -> out.add((ObjectNode) o));
            else if (root.isArray()) root.forEach(o -> out.add((ObjectNode) o));
            else out.add((ObjectNode) root);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object of the OASIS examples and the ATT&CK sample: the round-trip and schema corpus. */
    public static List<ObjectNode> corpus() {
        List<ObjectNode> all = new ArrayList<>();
        exampleFiles().forEach(f -> all.addAll(objectsOf(f)));
        all.addAll(objectsOf(attackSample()));
        return all;
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
