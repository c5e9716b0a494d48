package kahu.ingest;

/**
 * Something in a log that could not be read as it stands: a skipped record, a decoding repair, a file
 * that could not be opened. Shown to the analyst as {@code file:line: reason}.
 *
 * @param file   the source name ({@code a.zip!/entry} inside archives)
 * @param line   1-based line (text logs) or record number (EVTX: the event record id, or the record's ordinal in
 *               the file when its id cannot be read); 0 when it concerns the whole file
 * @param reason what was wrong and what the reader did about it
 */
public record ReadProblem(String file, long line, String reason) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
