package kahu.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An open, migrated Kahu database. H2 in {@code KAHU_HOME/kahu.mv.db} unless a JDBC URL is given
 * ({@code --db} or {@code KAHU_DB}); PostgreSQL is the other supported server.
 *
 * <p>H2 runs in its PostgreSQL compatibility mode so that one set of migrations and one set of
 * queries serve both.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String url;

    private Database(HikariDataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the database named by {@code url}, or the default embedded one when it is null or blank. */
    public static Database open(String url) {
        String resolved = (url == null || url.isBlank()) ? defaultUrl() : url;
        if (!resolved.startsWith("jdbc:h2:") && !resolved.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:… or jdbc:postgresql://…): " + resolved);
        }
        H2Rebuild.ifUnclean(resolved); // not a file this JVM has open (its header lacks the mark because it is open)
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(resolved);
        config.setPoolName("kahu");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        String user = System.getenv("KAHU_DB_USER");
        String password = System.getenv("KAHU_DB_PASSWORD");
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        H2Rebuild.opened(resolved);
        return new Database(ds, resolved);
    }

    /** {@code KAHU_DB} when set, else the embedded H2 file under {@code KAHU_HOME}. */
    public static String configuredUrl() {
        String env = System.getenv("KAHU_DB");
        return env == null || env.isBlank() ? defaultUrl() : env;
    }

    static String defaultUrl() {
        Path home = KahuHome.resolve();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create KAHU_HOME " + home, e);
        }
        return h2Url(home.resolve("kahu"));
    }

    /** The embedded URL for a database file stem (H2 appends {@code .mv.db}). */
    public static String h2Url(Path stem) {
        return "jdbc:h2:file:" + stem.toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // H2 rolls back what a killed process left uncommitted when the file is next opened; a statement
                // meeting a table still being rolled back waits up to 10 s (the default 1 s failed a restart test
                // once on a loaded machine).
                + ";LOCK_TIMEOUT=10000";
    }

    /**
     * A throw-away in-memory database (same PostgreSQL mode as the embedded file). DB_CLOSE_DELAY=-1 keeps it
     * while the pool opens and closes connections; it goes when the JVM does or when the caller drops it.
     */
    public static String inMemoryUrl(String prefix) {
        return "jdbc:h2:mem:" + prefix + java.util.UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public String url() {
        return url;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        dataSource.close();
        H2Rebuild.closed(url);
    }
}
