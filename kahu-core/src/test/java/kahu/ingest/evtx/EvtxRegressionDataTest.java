package kahu.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kahu.ingest.Event;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Every EVTX file of the Sigma regression data against the JSON rendering beside it (made by evtx_dump):
 * each EventData (or UserData) value and the key System values must be equal as text.
 */
class EvtxRegressionDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where the JSON beside a file does not say what the file holds (checked in the raw bytes), keyed by file
     * name; the difference must still be exactly this, so a parser change cannot hide behind it.
     */
    private static final Map<String, String> KNOWN_DATA_DIFFERENCES = Map.of(
            // The record's UTF-16 text is "C:\Windows\Explorer.EXE"; the JSON was edited to ".exe".
            "ad691d92-15f2-4181-9aa4-723c74f9ddc3.evtx",
            "record 23419552: ParentCommandLine: expected <C:\\Windows\\Explorer.exe> but was <C:\\Windows\\Explorer.EXE>");

    @Test
    void everyRegressionFileMatchesItsJsonRendering() throws IOException {
        List<Path> files = evtxFiles(SharedData.root().resolve("sigma/regression_data"));
        assertThat(files).hasSize(202);
        List<String> mismatches = new ArrayList<>();
        int fullMatches = 0;
        long events = 0;
        for (Path evtx : files) {
            List<String> problems = new ArrayList<>();
            List<Event> parsed = new ArrayList<>();
            EvtxReader.read(evtx, parsed::add, problems::add);
            events += parsed.size();
            List<String> differences = new ArrayList<>(problems);
            differences.addAll(compare(parsed, jsonEvents(jsonBeside(evtx))));
            String known = KNOWN_DATA_DIFFERENCES.get(evtx.getFileName().toString());
            if (known != null && differences.equals(List.of(known))) {
                System.out.println("KNOWN DATA DIFFERENCE " + evtx + ": " + known);
                continue;
            }
            if (differences.isEmpty()) fullMatches++;
            else mismatches.add(evtx + "\n    " + String.join("\n    ", differences));
        }
        System.out.printf("EVTX regression data: %d of %d files match their JSON fully (%d events)%n",
                fullMatches, files.size(), events);
        mismatches.forEach(m -> System.out.println("MISMATCH " + m));
        assertThat(mismatches).isEmpty();
    }

    static List<Path> evtxFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
    }

    private static Path jsonBeside(Path evtx) {
        String name = evtx.getFileName().toString();
        return evtx.resolveSibling(name.substring(0, name.length() - ".evtx".length()) + ".json");
    }

    /** Several files hold more than one JSON object one after another. */
    private static List<JsonNode> jsonEvents(Path json) throws IOException {
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(json.toFile())) {
            return it.readAll();
        }
    }

    private static List<String> compare(List<Event> parsed, List<JsonNode> expected) {
        List<String> differences = new ArrayList<>();
        Map<String, Event> byRecordId = new HashMap<>();
        for (Event e : parsed) byRecordId.put(e.text("EventRecordID"), e);
        for (JsonNode json : expected) {
            JsonNode event = json.path("Event");
            JsonNode system = event.path("System");
            String recordId = system.path("EventRecordID").asText();
            Event e = byRecordId.get(recordId);
            if (e == null) {
                differences.add("record " + recordId + " not parsed (parsed: " + byRecordId.keySet() + ")");
                continue;
            }
            String where = "record " + recordId + ": ";
            check(differences, where, "EventID", system.path("EventID"), e);
            check(differences, where, "Channel", system.path("Channel"), e);
            check(differences, where, "Computer", system.path("Computer"), e);
            check(differences, where, "EventRecordID", system.path("EventRecordID"), e);
            check(differences, where, "Provider_Name", system.path("Provider").path("#attributes").path("Name"), e);
            if (e.record() != Long.parseLong(recordId)) differences.add(where + "Event.record is " + e.record());
            leaves(event.path("EventData"), differences, where, e);
            leaves(event.path("UserData"), differences, where, e);
        }
        if (parsed.size() != expected.size()) differences.add(parsed.size() + " events parsed, " + expected.size() + " in JSON");
        return differences;
    }

    private static void leaves(JsonNode section, List<String> differences, String where, Event e) {
        section.properties().forEach(field -> {
            if (field.getKey().equals("#attributes")) return;
            JsonNode v = field.getValue();
            if (v.isObject()) leaves(v, differences, where, e);
            else check(differences, where, field.getKey(), v, e);
        });
    }

    private static void check(List<String> differences, String where, String name, JsonNode expected, Event e) {
        String want = expected.isNull() || expected.isMissingNode() ? null
                : expected.isArray() ? String.join("\n", expected.valueStream().map(JsonNode::asText).toList())
                : expected.asText();
        String got = e.text(name);
        if (want == null ? got != null && !got.isEmpty() : !want.equals(got)) {
            differences.add(where + name + ": expected <" + want + "> but was <" + got + ">");
        }
    }
}
