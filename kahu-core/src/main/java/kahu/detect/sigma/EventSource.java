package kahu.detect.sigma;

import kahu.ingest.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the regression runner gets the events of a test log from: the caller decides (an EVTX
 * reader, or the JSON rendering beside the EVTX file), since this package reads no logs itself.
 */
public interface EventSource {
    List<Event> events(Path evtx) throws IOException;

    /** Said in reports, e.g. "JSON rendering beside each EVTX file (EVTX parsing pending)". */
    String description();
}
