package kahu.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonArrayReaderTest {

    @Test
    void streamsObjectsOfAnArrayNumberedByIndex() {
        String text = """
                [
                  {"@timestamp": "2021-03-03T02:45:01Z", "winlog": {"event_id": 4624, "channel": "Security",
                   "event_data": {"TargetUserName": "bob", "LogonType": "3"}}},
                  42,
                  {"a": {"b": [1, 2]}}
                ]
                """;
        Reading r = Reading.of(new JsonArrayReader(), Source.ofText("export.json", text));
        assertThat(r.events()).extracting(Event::record).containsExactly(1L, 3L);
        assertThat(r.events().getFirst().fields()).containsEntry("EventID", 4624L).containsEntry("TargetUserName", "bob");
        assertThat(r.events().getFirst().format()).isEqualTo("winlogbeat");
        assertThat(r.events().get(1).fields()).containsEntry("a.b", java.util.List.of("1", "2"));
        assertThat(r.problemTexts()).containsExactly("export.json:2: array element is not a JSON object (line 4, column 5); skipped");
        assertThat(r.summary().skipped()).isEqualTo(1);
        assertThat(r.summary().bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void brokenJsonStopsTheFileWithAProblem() {
        Reading r = Reading.of(new JsonArrayReader(), Source.ofText("bad.json", "[{\"a\":1},\n{\"a\":2,,}]"));
        assertThat(r.events()).hasSize(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("invalid JSON (line 2, column 9), rest of file not read: Unexpected character (',' ");
        });
    }

    @Test
    void detectedByItsOpeningBracket() {
        assertThat(LogFormatDetector.detect("  \n[{\"a\":1}]".getBytes(StandardCharsets.UTF_8))).isEqualTo(LogFormat.JSON_ARRAY);
    }
}
