package kahu.store;

import java.nio.file.Path;

/** The folder Kahu keeps its state in: {@code KAHU_HOME}, else {@code ~/.kahu}. */
public final class KahuHome {
    private KahuHome() {}

    public static Path resolve() {
        String prop = System.getProperty("kahu.home");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("KAHU_HOME");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".kahu");
    }
}
