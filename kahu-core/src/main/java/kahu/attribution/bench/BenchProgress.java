package kahu.attribution.bench;

/** Where a long benchmark run reports what it is doing (the CLI prints it on standard error). */
@FunctionalInterface
public interface BenchProgress {
    BenchProgress NONE = message -> {};

    void step(String message);
}
