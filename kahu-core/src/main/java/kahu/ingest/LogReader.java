package kahu.ingest;

import java.util.function.Consumer;

/**
 * Reads one source into events. Implementations stream with bounded memory, report every bad record
 * as a {@link ReadProblem} (file and line or record number) and go on past it; they never throw for bad
 * content. An I/O failure (truncated gzip, vanished file) ends that source with a problem, not an exception.
 *
 * <p>Not sealed on purpose: the EVTX parser lives in {@code kahu.ingest.evtx}, and a sealed interface
 * in the unnamed module can only permit classes of its own package.
 */
public interface LogReader {
    ReadSummary read(Source source, Consumer<Event> events, Consumer<ReadProblem> problems);
}
