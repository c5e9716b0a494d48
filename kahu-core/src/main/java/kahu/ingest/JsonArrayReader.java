package kahu.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A file holding one JSON array of objects (exports from SIEMs and {@code ConvertTo-Json}). The array is
 * streamed element by element, so only one object is in memory at a time; the record number is the object's
 * 1-based index, and problems also give the line and column. Objects are treated as in {@link JsonLinesReader}.
 * Once the JSON itself is broken there is no safe place to resume, so the rest of the file is reported
 * unread. Invalid UTF-8 is replaced by U+FFFD by the decoder without a report (unlike line-based logs).
 */
public final class JsonArrayReader implements LogReader {
    private final ObjectMapper mapper;

    public JsonArrayReader(ReadOptions options) {
        mapper = JsonMapper.builder()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        // One string may be as long as a line may be elsewhere; nothing longer is held.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(options.maxLineBytes()).build());
    }

    public JsonArrayReader() {
        this(ReadOptions.DEFAULTS);
    }

    @Override
    public ReadSummary read(Source source, Consumer<Event> events, Consumer<ReadProblem> problems) {
        String file = source.name();
        long index = 0, delivered = 0, skipped = 0, reported = 0;
        long[] bytes = {0};
        try (Reader reader = new InputStreamReader(counting(source.open(), bytes), StandardCharsets.UTF_8);
             JsonParser parser = mapper.getFactory().createParser(reader)) {
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    problems.accept(new ReadProblem(file, 0, "not a JSON array; skipped"));
                    return new ReadSummary(file, LogFormat.JSON_ARRAY, 0, 0, bytes[0], 1);
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    index++;
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        skipped++;
                        reported++;
                        problems.accept(new ReadProblem(file, index, "array element is not a JSON object" + at(parser.currentLocation()) + "; skipped"));
                        continue;
                    }
                    JsonNode node = mapper.readTree(parser);
                    Map<String, Object> fields = new HashMap<>(64);
                    JsonFlattener.flatten(node, fields);
                    events.accept(JsonLinesReader.toEvent(file, index, fields));
                    delivered++;
                }
            } catch (IOException e) {
                reported++;
                String what = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.toString();
                problems.accept(new ReadProblem(file, index, "invalid JSON" + at(parser.currentLocation()) + ", rest of file not read: " + what));
            }
        } catch (IOException e) {
            reported++;
            problems.accept(new ReadProblem(file, 0, "cannot be read: " + e));
        }
        return new ReadSummary(file, LogFormat.JSON_ARRAY, delivered, skipped, bytes[0], reported);
    }

    /** Counts the bytes read through it into {@code count[0]}. */
    private static java.io.InputStream counting(java.io.InputStream in, long[] count) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count[0]++;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) count[0] += n;
                return n;
            }
        };
    }

    private static String at(JsonLocation loc) {
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
