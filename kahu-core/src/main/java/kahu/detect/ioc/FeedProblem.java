package kahu.detect.ioc;

/**
 * A record of a feed that could not be used, and why; the rest of the feed is still loaded.
 *
 * @param record 1-based line for CSV, 1-based object or attribute index for JSON feeds
 */
public record FeedProblem(String file, long record, String message) {
    @Override
    public String toString() {
        return file + ":" + record + ": " + message;
    }
}
