package kahu.stix;

/**
 * What a reader accepts before it calls an object hostile. The defaults pass everything real
 * we know (ATT&CK's x-mitre-collection is 2.9 MB, its deepest objects nest about 6 levels).
 *
 * @param maxDepth       deepest nesting of arrays/objects inside one STIX object (the object itself is depth 1)
 * @param maxObjectBytes largest size of one STIX object in the input, in bytes (characters for char input)
 */
public record Limits(int maxDepth, long maxObjectBytes) {
    public static final Limits DEFAULT = new Limits(64, 32L * 1024 * 1024);

    public Limits {
        if (maxDepth < 2) throw new IllegalArgumentException("maxDepth must be at least 2, got " + maxDepth);
        if (maxObjectBytes < 1024) throw new IllegalArgumentException("maxObjectBytes must be at least 1024, got " + maxObjectBytes);
    }

    public Limits withMaxDepth(int depth) {
        return new Limits(depth, maxObjectBytes);
    }

    public Limits withMaxObjectBytes(long bytes) {
        return new Limits(maxDepth, bytes);
    }
}
