package kahu.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Windows events exported as JSON ({@code {"Event":{"System":{…},"EventData":{…}}}}, as beside
 * each EVTX file of the Sigma regression data; several objects may follow one another in a file).
 * Fields get the names Sigma uses: {@code EventID} (a Long), {@code Channel}, {@code Provider_Name},
 * {@code Computer}, {@code Security_UserID}, and the EventData / UserData names as they are.
 */
public final class WindowsEventJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String FORMAT = "windows-json";

    private WindowsEventJson() {}

    /** The JSON rendering kept beside an EVTX export: the same path ending in {@code .json}. */
    public static Path besideEvtx(Path evtx) {
        String name = evtx.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return evtx.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    /** Every event of the file; a value that is not a Windows event is an error naming its index. */
    public static List<Event> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        }
    }

    public static List<Event> read(String source, InputStream in) throws IOException {
        List<Event> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).with(JsonParser.Feature.AUTO_CLOSE_SOURCE).readValues(in)) {
            long index = 0;
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                index++;
                JsonNode event = node.path("Event");
                if (!event.isObject()) throw new IOException(source + ": object " + index + " is not {\"Event\":{…}}");
                out.add(toEvent(source, index, event));
            }
        }
        return out;
    }

    static Event toEvent(String source, long index, JsonNode event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        JsonNode sys = event.path("System");
        JsonNode id = sys.path("EventID");
        if (id.isObject()) id = id.path("#text"); // EventID with Qualifiers attribute
        if (id.canConvertToLong() || id.isTextual()) {
            try {
                fields.put("EventID", id.isNumber() ? id.asLong() : Long.parseLong(id.asText().trim()));
            } catch (NumberFormatException e) {
                fields.put("EventID", id.asText());
            }
        }
        putText(fields, "Channel", sys.path("Channel"));
        putText(fields, "Computer", sys.path("Computer"));
        putText(fields, "Provider_Name", sys.path("Provider").path("#attributes").path("Name"));
        putText(fields, "Provider_Guid", sys.path("Provider").path("#attributes").path("Guid"));
        putText(fields, "Security_UserID", sys.path("Security").path("#attributes").path("UserID"));
        for (String n : List.of("Version", "Level", "Task", "Opcode", "Keywords", "EventRecordID")) putScalar(fields, n, sys.path(n));
        putText(fields, "ProcessID", sys.path("Execution").path("#attributes").path("ProcessID"));
        putText(fields, "ThreadID", sys.path("Execution").path("#attributes").path("ThreadID"));
        Instant ts = null;
        try {
            JsonNode t = sys.path("TimeCreated").path("#attributes").path("SystemTime");
            if (t.isTextual()) ts = Instant.parse(t.asText());
        } catch (DateTimeParseException ignored) {
            // a malformed time leaves the event without a timestamp rather than dropping it
        }
        flatten(event.path("EventData"), fields);
        flatten(event.path("UserData"), fields);
        long record = sys.path("EventRecordID").asLong(index);
        return new Event(source, record, FORMAT, ts, fields, Map.of());
    }

    /** EventData names as they are; nested UserData elements contribute their leaf names. */
    private static void flatten(JsonNode data, Map<String, Object> fields) {
        if (!data.isObject()) return;
        for (Map.Entry<String, JsonNode> f : data.properties()) {
            if (f.getKey().equals("#attributes")) continue;
            JsonNode v = f.getValue();
            if (v.isObject()) flatten(v, fields);
            else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.isValueNode() ? x.asText() : x.toString()));
                fields.put(f.getKey(), items);
            } else putScalar(fields, f.getKey(), v);
        }
    }

    private static void putScalar(Map<String, Object> fields, String name, JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) fields.put(name, v.asLong());
        else if (v.isValueNode() && !v.isNull()) fields.put(name, v.asText());
    }

    private static void putText(Map<String, Object> fields, String name, JsonNode v) {
        if (v.isValueNode() && !v.isNull()) fields.put(name, v.asText());
    }
}
