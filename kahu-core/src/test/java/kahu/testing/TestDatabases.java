package kahu.testing;

import kahu.store.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh, empty databases for tests: an H2 file in a temporary folder, and a new schema on the real
 * PostgreSQL server that {@code .ci/run} starts ({@code KAHU_TEST_PG_URL}). Outside CI, without
 * that variable, the PostgreSQL cases are skipped; in CI its absence fails the run.
 */
public final class TestDatabases {
    public static final String PG_ENV = "KAHU_TEST_PG_URL";

    private TestDatabases() {}

    /** "h2" always; "postgresql" when a server is configured or CI demands it. */
    public static Stream<String> kinds() {
        boolean pg = System.getenv(PG_ENV) != null || System.getenv("CI") != null;
        return pg ? Stream.of("h2", "postgresql") : Stream.of("h2");
    }

    public static String url(String kind) throws Exception {
        return switch (kind) {
            case "h2" -> Database.h2Url(Files.createTempDirectory("kahu-h2-").resolve("kahu"));
            case "postgresql" -> freshPostgresSchema();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public static Database open(String kind) throws Exception {
        return Database.open(url(kind));
    }

    private static String freshPostgresSchema() throws Exception {
        String base = System.getenv(PG_ENV);
        if (base == null) throw new IllegalStateException(PG_ENV + " is not set: .ci/run starts PostgreSQL and sets it");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static Path tempHome() throws Exception {
        return Files.createTempDirectory("kahu-home-");
    }

    public static List<String> all() {
        return kinds().toList();
    }
}
