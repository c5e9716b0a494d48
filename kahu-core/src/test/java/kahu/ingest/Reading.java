package kahu.ingest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one reader call gave, collected for assertions. */
record Reading(ReadSummary summary, List<Event> events, List<ReadProblem> problems) {

    static Reading of(LogReader reader, Source source) {
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        ReadSummary summary = reader.read(source, events::add, problems::add);
        return new Reading(summary, events, problems);
    }

    static Reading of(LogReader reader, Path file) {
        return of(reader, Source.of(file));
    }

    /** A test resource under {@code kahu/ingest/}. */
    static Path resource(String name) {
        try {
            return Path.of(Reading.class.getResource("/kahu/ingest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> problemTexts() {
        return problems.stream().map(ReadProblem::toString).toList();
    }
}
