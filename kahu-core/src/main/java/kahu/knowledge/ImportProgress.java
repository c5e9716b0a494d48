package kahu.knowledge;

import java.nio.file.Path;

/** Told as an import goes through its files, so that a caller can draw a progress bar. */
public interface ImportProgress {
    ImportProgress NONE = new ImportProgress() {};

    /** About to read {@code file}, the {@code index}-th (from 1) of {@code total}, of {@code bytes} bytes. */
    default void reading(Path file, int index, int total, long bytes, long totalBytes) {}

    /** Reading is over; now storing. */
    default void storing(int objects) {}

    /** A step of the import is over (reading, deriving, writing objects, committing): for timings. */
    default void finished(String step) {}
}
