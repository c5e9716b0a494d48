package kahu.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kahu.ingest.Event;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The 42 EVTX-ATTACK-SAMPLES files (GPL-3.0, read in place): all parse without problems, give the 401 events
 * the dataset README counts, and their EventData agree with the README's python-evtx JSON lines. That
 * rendering differs from ours in form only: GUIDs in braces and lower case, trailing blanks kept, Python's
 * {@code True}/{@code False}, control characters dropped (XML cannot hold them), array values written as
 * {@code <string>…</string>} items with blanks kept (we give a list, as Windows gives one {@code <Data>} per item), line ends {@code \n} for {@code \r\n}, hex integers zero-padded (Windows writes {@code true} and {@code 0x3e7}, as we do).
 */
class EvtxAttackSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]");
    private static final Pattern ARRAY_ITEM = Pattern.compile("<string>(.*?)</string>", Pattern.DOTALL);
    private static final Path ROOT = SharedData.root().resolve("attack-datasets/evtx-attack-samples");

    @Test
    void allSamplesParseAndAgreeWithTheirJsonLines() throws IOException {
        List<Path> files = EvtxRegressionDataTest.evtxFiles(ROOT);
        assertThat(files).hasSize(42);
        List<String> problems = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        long events = 0;
        int agreeing = 0;
        for (Path evtx : files) {
            List<Event> parsed = new ArrayList<>();
            EvtxSummary summary = EvtxReader.read(evtx, parsed::add, problems::add);
            assertThat(summary.records()).isEqualTo(parsed.size());
            events += parsed.size();
            Path jsonl = ROOT.resolve("json").resolve(ROOT.relativize(evtx) + ".jsonl");
            List<String> fileDifferences = compare(parsed, jsonLines(jsonl));
            if (fileDifferences.isEmpty()) agreeing++;
            fileDifferences.forEach(d -> differences.add(ROOT.relativize(evtx) + ": " + d));
        }
        System.out.printf("EVTX-ATTACK-SAMPLES: %d files, %d events, %d problems, %d files agree with their JSON lines%n",
                files.size(), events, problems.size(), agreeing);
        differences.forEach(d -> System.out.println("DIFFERENCE " + d));
        assertThat(problems).isEmpty();
        assertThat(events).isEqualTo(401);
        assertThat(differences).isEmpty();
    }

    private static List<JsonNode> jsonLines(Path jsonl) throws IOException {
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(jsonl.toFile())) {
            return it.readAll();
        }
    }

    private static List<String> compare(List<Event> parsed, List<JsonNode> expected) {
        List<String> differences = new ArrayList<>();
        if (parsed.size() != expected.size()) differences.add(parsed.size() + " events, JSON lines " + expected.size());
        Map<String, Event> byRecordId = new HashMap<>();
        for (Event e : parsed) byRecordId.put(e.text("EventRecordID"), e);
        for (JsonNode json : expected) {
            JsonNode system = json.path("Event").path("System");
            String recordId = system.path("EventRecordID").asText();
            Event e = byRecordId.get(recordId);
            if (e == null) {
                differences.add("record " + recordId + " missing");
                continue;
            }
            JsonNode eventId = system.path("EventID");
            same(differences, recordId, "EventID", eventId.has("#text") ? eventId.path("#text") : eventId, e);
            same(differences, recordId, "Channel", system.path("Channel"), e);
            same(differences, recordId, "Computer", system.path("Computer"), e);
            same(differences, recordId, "Provider_Name", system.path("Provider").path("#attributes").path("Name"), e);
            json.path("Event").path("EventData").properties().forEach(f -> {
                if (!f.getKey().equals("#attributes")) same(differences, recordId, f.getKey(), f.getValue(), e);
            });
        }
        return differences;
    }

    private static void same(List<String> differences, String recordId, String name, JsonNode expected, Event e) {
        String want = expected.isNull() ? "" : expected.isArray()
                ? String.join("\n", expected.valueStream().map(JsonNode::asText).toList()) : expected.asText();
        String a = form(want), b = form(e, name);
        if (!a.equals(b)) {
            int at = 0;
            while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) at++;
            int from = Math.max(0, at - 30);
            differences.add("record " + recordId + " " + name + " differs at " + at + ": JSON <…"
                    + escaped(a.substring(from, Math.min(a.length(), at + 50))) + "…> parsed <…"
                    + escaped(b.substring(from, Math.min(b.length(), at + 50))) + "…>");
        }
    }

    private static String escaped(String s) {
        if (s == null) return null;
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? "\\u%04x".formatted(c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static String form(Event e, String name) {
        Object v = e.get(name);
        if (v instanceof List<?> l) return String.join("\n", l.stream().map(x -> form(String.valueOf(x))).toList());
        return form(v == null ? "" : String.valueOf(v));
    }

    /** Only the differences of form: braces and case of GUIDs, trailing blanks, case of booleans, hex padding. */
    private static String form(String s) {
        String t = CONTROL.matcher(s.replace("\r\n", "\n")).replaceAll("").strip();
        if (t.startsWith("<string>")) t = ARRAY_ITEM.matcher(t).results().map(m -> m.group(1).strip()).collect(Collectors.joining("\n"));
        if (t.equals("True") || t.equals("False")) return t.toLowerCase(Locale.ROOT);
        if (t.matches("0x[0-9a-fA-F]{1,16}")) return "0x" + Long.toHexString(Long.parseUnsignedLong(t.substring(2), 16));
        if (t.matches("\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}?")) {
            return t.replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
        }
        return t;
    }
}
