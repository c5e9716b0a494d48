package kahu.ingest;

/**
 * What reading one source gave.
 *
 * @param source   the source name
 * @param format   the format it was read as
 * @param events   events delivered
 * @param skipped  records not delivered (too long, binary, unparseable)
 * @param bytes    bytes of (decompressed) log text read
 * @param problems problems reported, skipped records included
 */
public record ReadSummary(String source, LogFormat format, long events, long skipped, long bytes, long problems) {}
