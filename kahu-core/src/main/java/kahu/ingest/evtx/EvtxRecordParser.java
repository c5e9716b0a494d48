package kahu.ingest.evtx;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import kahu.ingest.Event;

/**
 * Turns event records of a verified chunk into {@link Event}s. A record is: signature 0x00002a2a, size (4),
 * record identifier (8), written time as FILETIME (8), binary XML, and the size again (4).
 */
final class EvtxRecordParser {
    static final int RECORD_HEADER = 24;
    private static final int SIGNATURE = 0x00002a2a;

    private final byte[] chunk;
    private final BinXmlParser binXml;

    EvtxRecordParser(byte[] chunk) {
        this.chunk = chunk;
        this.binXml = new BinXmlParser(chunk);
    }

    void startChunk() {
        binXml.startChunk();
    }

    /** The record's size when its framing is sound, else throws: the caller cannot go on in this chunk. */
    int recordSize(int offset, int limit) {
        if (offset > limit - RECORD_HEADER) throw new EvtxFormatException("record header runs past the used part of the chunk");
        if (LittleEndian.i32(chunk, offset) != SIGNATURE) throw new EvtxFormatException("no record signature at chunk offset " + offset);
        int size = LittleEndian.i32(chunk, offset + 4);
        if (size < RECORD_HEADER + 4 || size > limit - offset) throw new EvtxFormatException("record size " + size + " at chunk offset " + offset + " does not fit");
        if (LittleEndian.i32(chunk, offset + size - 4) != size) throw new EvtxFormatException("record size " + size + " at chunk offset " + offset + " is not repeated at its end");
        return size;
    }

    long recordId(int offset) {
        return LittleEndian.i64(chunk, offset + 8);
    }

    XmlElement parseXml(int offset, int size) {
        return TemplateExpander.expand(binXml.parseRecord(offset + RECORD_HEADER, offset + size - 4));
    }

    Event parse(String source, int offset, int size) {
        long recordId = recordId(offset);
        XmlElement event = parseXml(offset, size).child("Event");
        if (event == null) throw new EvtxFormatException("binary XML has no <Event> element");
        Map<String, Object> fields = WindowsEventFields.of(event);
        Instant timestamp = timestamp(fields.get("TimeCreated"), LittleEndian.i64(chunk, offset + 16));
        return new Event(source, eventRecordId(fields, recordId), "evtx", timestamp, fields,
                WindowsEventNormalizer.of(fields, timestamp));
    }

    /**
     * System/EventRecordID, which Event Viewer shows and filters on, else the record header's id. The two are
     * equal in a live log; in an exported subset the header ids restart at 1 while EventRecordID keeps the
     * original log's numbers, and those are what an analyst can look up.
     */
    private static long eventRecordId(Map<String, Object> fields, long headerId) {
        if (fields.get("EventRecordID") instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException ignored) {
                // fall back to the header's id
            }
        }
        return headerId;
    }

    /** System/TimeCreated@SystemTime when it parses, else the time the record was written. */
    private static Instant timestamp(Object systemTime, long written) {
        if (systemTime instanceof String s && !s.isEmpty()) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException ignored) {
                // fall through to the record's own time
            }
        }
        return written == 0 ? null : Filetime.toInstant(written);
    }
}
