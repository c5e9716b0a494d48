package kahu.detect;

import kahu.detect.sigma.EventSource;
import kahu.ingest.Event;
import kahu.ingest.WindowsEventJson;
import kahu.ingest.evtx.EvtxReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways a Sigma regression case's events are read: the EVTX file itself, through Kahu's
 * parser, or the JSON rendering kept beside it. Here rather than in {@code detect.sigma}, which
 * must not depend on the readers.
 */
public final class RegressionEvents {
    private RegressionEvents() {}

    /** The EVTX files; a file the parser cannot read at all fails its case with the parser's problems. */
    public static final EventSource EVTX = new EventSource() {
        @Override
        public List<Event> events(Path evtx) throws IOException {
            List<Event> out = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            EvtxReader.read(evtx, out::add, problems::add);
            if (!problems.isEmpty()) throw new IOException(String.join("; ", problems));
            return out;
        }

        @Override
        public String description() {
            return "EVTX files parsed by Kahu";
        }
    };

    /** The JSON rendering beside each EVTX file (same name, .json). */
    public static final EventSource JSON_BESIDE_EVTX = new EventSource() {
        @Override
        public List<Event> events(Path evtx) throws IOException {
            return WindowsEventJson.read(WindowsEventJson.besideEvtx(evtx));
        }

        @Override
        public String description() {
            return "JSON rendering beside each EVTX file";
        }
    };
}
