package kahu.detect.sigma;

import java.nio.file.Path;

/** A rule file the engine will not run, and every reason why. */
public record Rejection(Path file, String reason) {}
