package kahu.ingest.evtx;

/**
 * A problem reading an EVTX file, with the record it concerns, so that a scan summary can name the file
 * and record rather than only say it in the message.
 *
 * @param record  the record's event record id (from the record's own header, or for a whole bad chunk the id
 *                its header gives the chunk's first record); when that id cannot be read or is implausible,
 *                the record's 1-based ordinal in the file; 0 when the problem concerns the whole file
 * @param message "file: chunk N[, record R]: reason", as {@link EvtxReader} has always reported it
 */
public record EvtxProblem(long record, String message) {}
