package kahu.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the public data in ../shared/data is: {@code -Dkahu.shared.data}, else next to the working directory. */
final class BenchData {
    private BenchData() {}

    static Path root() {
        String prop = System.getProperty("kahu.shared.data");
        for (Path p : new Path[] {prop == null ? null : Path.of(prop), Path.of("../shared/data"), Path.of("../../shared/data")}) {
            if (p != null && Files.isDirectory(p)) return p;
        }
        throw new IllegalStateException("set -Dkahu.shared.data to the shared data folder");
    }
}
