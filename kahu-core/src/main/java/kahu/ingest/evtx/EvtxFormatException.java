package kahu.ingest.evtx;

/** Bytes that do not follow the EVTX format; caught per chunk or record, reported, and skipped. */
final class EvtxFormatException extends RuntimeException {
    EvtxFormatException(String message) {
        super(message, null, false, false); // no stack trace: thrown for data, not for bugs
    }
}
