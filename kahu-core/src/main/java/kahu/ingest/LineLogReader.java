package kahu.ingest;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The loop every line-oriented reader shares: length limit, binary lines, blank lines, counting, I/O
 * failures. A format supplies a fresh {@link LineParser} per source (it holds per-file state such as the
 * current W3C {@code #Fields:} columns).
 */
abstract sealed class LineLogReader implements LogReader
        permits W3cLogReader, ExchangeCsvLogReader, SyslogReader, AccessLogReader, ZeekJsonReader, JsonLinesReader {

    /** Parses the lines of one source. */
    interface LineParser {
        /** The event of this line, or null for a line that carries none (a header or comment). */
        Event parse(String line, long lineNumber) throws BadRecord;

        /** Whether a line with control bytes may still be a record (Tomcat logs raw request bytes). */
        default boolean acceptsControlBytes() {
            return false;
        }
    }

    protected final ReadOptions options;

    LineLogReader(ReadOptions options) {
        this.options = options;
    }

    abstract LogFormat format();

    /** A parser for one source; {@code problems} is for notes that do not skip a record (counted by the caller only when skipping). */
    abstract LineParser newParser(Source source, Consumer<ReadProblem> problems);

    @Override
    public final ReadSummary read(Source source, Consumer<Event> events, Consumer<ReadProblem> problems) {
        String file = source.name();
        long delivered = 0, skipped = 0, reported = 0, bytes = 0;
        LineInput in = null;
        long[] notes = {0};
        long firstUnlisted = 0;
        try {
            in = new LineInput(source.open(), options.maxLineBytes());
            LineParser parser = newParser(source, p -> {
                notes[0]++;
                problems.accept(p);
            });
            while (in.next()) {
                long n = in.lineNumber();
                String reason = null;
                if (in.tooLong()) {
                    reason = "line of " + in.lineBytes() + " bytes is longer than the limit of " + options.maxLineBytes() + " bytes; skipped";
                } else if (in.isBlank()) {
                    continue;
                } else if (in.controlBytes() > 0 && !parser.acceptsControlBytes()) {
                    reason = "binary data (" + in.controlBytes() + " control bytes); skipped";
                } else {
                    Event e = null;
                    try {
                        e = parser.parse(in.text(), n);
                    } catch (BadRecord bad) {
                        reason = in.controlBytes() > 0
                                ? "binary data (" + in.controlBytes() + " control bytes); skipped"
                                : bad.getMessage() + "; skipped";
                    } catch (RuntimeException bug) { // a parser bug must cost one record, not the file
                        reason = "could not be read (" + bug + "); skipped";
                    }
                    if (reason == null) {
                        if (e != null) { // outside the try: a failing consumer is not a bad record
                            events.accept(e);
                            delivered++;
                        }
                        continue;
                    }
                }
                skipped++;
                if (skipped <= options.maxProblemsPerFile()) {
                    reported++;
                    problems.accept(new ReadProblem(file, n, reason));
                } else if (firstUnlisted == 0) {
                    firstUnlisted = n;
                }
            }
        } catch (IOException e) {
            reported++;
            problems.accept(new ReadProblem(file, in == null ? 0 : in.lineNumber() + 1, "read failed, rest of file not read: " + e));
        } finally {
            if (firstUnlisted > 0) {
                reported++;
                problems.accept(new ReadProblem(file, firstUnlisted, (skipped - options.maxProblemsPerFile())
                        + " more records skipped from here on, not listed (limit " + options.maxProblemsPerFile() + " per file)"));
            }
            if (in != null) {
                ReadProblem utf8 = in.invalidUtf8Problem(file);
                if (utf8 != null) {
                    reported++;
                    problems.accept(utf8);
                }
                bytes = in.bytesRead();
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing after reading: nothing left to lose
                }
            }
        }
        return new ReadSummary(file, format(), delivered, skipped, bytes, reported + notes[0]);
    }
}
