package kahu.ingest.evtx;

/**
 * What reading one EVTX file gave.
 *
 * @param records        events delivered
 * @param recordsSkipped records lost to bad chunks (as many as their headers claim) or bad binary XML
 * @param chunks         chunks read (unused, all-zero chunks not counted)
 * @param chunksBad      chunks skipped for a bad signature, checksum, size or header
 * @param problems       problems reported (file header, chunks, records)
 */
public record EvtxSummary(long records, long recordsSkipped, int chunks, int chunksBad, int problems) {}
