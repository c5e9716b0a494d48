package kahu.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public test data in {@code ../shared/data}, read in place (never copied into the repository). */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String prop = System.getProperty("kahu.shared.data");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared", "data");
        if (!Files.isDirectory(p)) p = Path.of("..", "..", "shared", "data");
        if (!Files.isDirectory(p)) throw new IllegalStateException("shared test data not found (set -Dkahu.shared.data): " + p.toAbsolutePath());
        return p.normalize();
    }

    public static Path attack() {
        return root().resolve("attack");
    }

    public static Path attackSample() {
        return root().resolve("attack/sample/enterprise-attack-sample-G0016-G0065-G0125-G0128.json");
    }

    public static Path mispGalaxy() {
        return root().resolve("misp-galaxy");
    }

    public static Path stixSchemas() {
        return root().resolve("stix2.1-schemas/schemas");
    }
}
