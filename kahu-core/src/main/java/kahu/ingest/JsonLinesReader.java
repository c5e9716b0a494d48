package kahu.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generic JSON lines (NDJSON), ECS documents and Winlogbeat output. Objects are flattened to dotted names.
 * Winlogbeat nests Windows event data as {@code winlog.event_data.X}; it is also exposed as field {@code X},
 * and {@code winlog.event_id}, {@code winlog.channel}, {@code winlog.computer_name}, {@code winlog.provider_name}
 * as {@code EventID}, {@code Channel}, {@code Computer}, {@code Provider_Name}, the names Sigma's Windows rules
 * use. ECS documents are already normalised, so every flattened field also goes to the normalised view.
 * Windows events in the XML's JSON shape are handled by {@link WindowsEventFields}.
 */
public final class JsonLinesReader extends LineLogReader {

    public JsonLinesReader(ReadOptions options) {
        super(options);
    }

    public JsonLinesReader() {
        this(ReadOptions.DEFAULTS);
    }

    @Override
    LogFormat format() {
        return LogFormat.JSON_LINES;
    }

    @Override
    LineParser newParser(Source source, Consumer<ReadProblem> problems) {
        String file = source.name();
        return (line, n) -> toEvent(file, n, JsonFlattener.flatten(line));
    }

    static Event toEvent(String file, long n, Map<String, Object> fields) {
        boolean winlog = fields.containsKey("winlog.event_id") || fields.containsKey("winlog.channel");
        boolean ecs = winlog || fields.containsKey("ecs.version") || fields.containsKey("agent.type");
        if (winlog) exposeWinlogbeat(fields);
        boolean windows = !winlog && WindowsEventFields.isWindowsEvent(fields);
        Instant ts = windows ? parseIsoOrNull(WindowsEventFields.expose(fields)) : timestamp(fields);
        String dataset = fields.get("event.dataset") instanceof String s ? s : winlog ? "winlogbeat" : windows ? "windows" : "json";
        Normalized norm = new Normalized(dataset, file, ts);
        if (ecs) {
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (!e.getKey().startsWith("winlog.") && e.getKey().indexOf('.') > 0) norm.putObject(e.getKey(), e.getValue());
            }
            norm.putObject("event.dataset", dataset).putObject("log.file.path", file);
        }
        Object id = fields.get("EventID");
        if (id != null) norm.putObject("event.code", String.valueOf(id));
        if (windows) {
            if (fields.get("Channel") instanceof String c) norm.put("winlog.channel", c);
            if (fields.get("Provider_Name") instanceof String p) norm.put("event.provider", p).put("winlog.provider_name", p);
            norm.putObject("winlog.record_id", fields.get("EventRecordID"));
        }
        if (!fields.containsKey("host.name")) { // ECS documents name the host themselves
            if (fields.get("Computer") instanceof String c) norm.put("host.name", c);
            else if (fields.get("Hostname") instanceof String h) norm.put("host.name", h);
        }
        String format = winlog ? LogFormat.WINLOGBEAT_JSON.id() : windows ? WindowsEventFields.FORMAT : LogFormat.JSON_LINES.id();
        return new Event(file, n, format, ts, fields, norm.map());
    }

    private static void exposeWinlogbeat(Map<String, Object> fields) {
        String data = "winlog.event_data.", user = "winlog.user_data.";
        for (Object key : fields.keySet().toArray()) {
            String k = (String) key;
            String shortName = k.startsWith(data) ? k.substring(data.length()) : k.startsWith(user) ? k.substring(user.length()) : null;
            if (shortName != null && !shortName.isEmpty()) fields.putIfAbsent(shortName, fields.get(k));
        }
        Object id = fields.get("winlog.event_id");
        if (id != null) {
            Long n = id instanceof Long l ? l : Normalized.asLong(String.valueOf(id));
            fields.putIfAbsent("EventID", n != null ? n : id);
        }
        copy(fields, "winlog.channel", "Channel");
        copy(fields, "winlog.computer_name", "Computer");
        copy(fields, "winlog.provider_name", "Provider_Name");
        copy(fields, "winlog.record_id", "EventRecordID");
    }

    private static void copy(Map<String, Object> fields, String from, String to) {
        Object v = fields.get(from);
        if (v != null) fields.putIfAbsent(to, v);
    }

    /** {@code @timestamp}, else {@code timestamp}, as ISO 8601; unparseable values leave the time unknown. */
    static Instant timestamp(Map<String, Object> fields) {
        for (String key : new String[] {"@timestamp", "timestamp", "TimeCreated", "EventTime"}) {
            if (fields.get(key) instanceof String s) {
                Instant t = parseIso(s);
                if (t != null) return t;
            }
        }
        return null;
    }

    private static Instant parseIsoOrNull(String s) {
        return s == null ? null : parseIso(s);
    }

    static Instant parseIso(String s) {
        Instant fast = IsoInstant.parseUtc(s);
        if (fast != null) return fast;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
