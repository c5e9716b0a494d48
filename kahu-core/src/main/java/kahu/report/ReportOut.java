package kahu.report;

import java.io.PrintWriter;

/**
 * Where a report is written, appended to as a {@link StringBuilder} is (any value as {@link String#valueOf})
 * but streamed to a writer: a national-scale report runs to hundreds of megabytes, which as one string took
 * that much heap twice over (the builder and its copy) at the end of a run.
 */
final class ReportOut {
    private final PrintWriter out;

    ReportOut(PrintWriter out) {
        this.out = out;
    }

    /** What a report's {@code write} writes, as one string: for tests and small investigations. */
    static String asString(java.util.function.Consumer<PrintWriter> write) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
            write.accept(w);
        }
        return text.toString();
    }

    ReportOut append(Object value) {
        out.write(String.valueOf(value));
        return this;
    }

    ReportOut append(char c) {
        out.write(c);
        return this;
    }

    ReportOut append(long v) {
        out.write(Long.toString(v));
        return this;
    }
}
