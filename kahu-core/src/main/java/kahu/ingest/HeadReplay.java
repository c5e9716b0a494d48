package kahu.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * A source whose first opening hands over the stream format detection already opened, its head bytes first;
 * later openings (a reader that reads twice) open afresh. When the head holds the whole log, the stream is
 * closed at once and the reader reads the head from memory. Why: a triage collection is mostly logs of a few
 * kilobytes, and opening each one twice (zip entry look-up, inflater, buffers) cost more than reading it.
 * Used by one thread; {@link #closeUnused()} closes the stream if no reader took it.
 */
final class HeadReplay {
    private final Source original;
    private final byte[] head;
    private InputStream pending;
    private final boolean whole;
    private boolean handedOver;

    /** @param in the stream {@code head} was read from, positioned after it */
    HeadReplay(Source original, byte[] head, InputStream in) {
        this.original = original;
        this.head = head;
        this.whole = head.length < LogFormatDetector.HEAD_BYTES;
        if (whole) {
            close(in); // all read: free the entry, file handle and buffers now
        } else {
            this.pending = in;
        }
    }

    Source source() {
        return new Source(original.name(), this::open);
    }

    private InputStream open() throws IOException {
        if (handedOver) return original.open();
        handedOver = true;
        if (whole) return new ByteArrayInputStream(head);
        InputStream rest = pending;
        pending = null;
        return new SequenceInputStream(new ByteArrayInputStream(head), rest);
    }

    void closeUnused() {
        if (pending != null) close(pending);
        pending = null;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading succeeded; nothing is lost by a failed close
        }
    }
}
