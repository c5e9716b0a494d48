package kahu.ingest;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One log event: the original fields and a normalised (ECS-style) view, and where it came from.
 *
 * <p>{@code fields} is flat and keeps the log's own names: IIS/W3C {@code cs-uri-stem}, Exchange CSV
 * column names, and for Windows events the System and EventData names as Sigma uses them
 * ({@code EventID}, {@code Channel}, {@code Provider_Name}, {@code Computer}, {@code Image},
 * {@code CommandLine}, …). Values are {@code String}, {@code Long} or {@code List<String>}.
 * {@code normalized} uses ECS names where they exist ({@code source.ip}, {@code url.path},
 * {@code user_agent.original}, {@code http.request.method}, {@code event.code},
 * {@code process.command_line}, {@code host.name}, …).
 *
 * @param source    the file (or stream) it came from
 * @param record    1-based line number for text logs, record number for EVTX, object index for JSON arrays
 * @param format    the reader that produced it, e.g. {@code iis}, {@code exchange-httpproxy}, {@code evtx},
 *                  {@code windows-json}, {@code syslog}, {@code apache}, {@code zeek}, {@code json}
 * @param timestamp when it happened, or null when the log does not say
 */
public record Event(String source, long record, String format, Instant timestamp,
                    Map<String, Object> fields, Map<String, Object> normalized) {
    public Event {
        // A reader's SlotMap is immutable already; copying it would cost what it saves.
        fields = fields instanceof SlotMap ? fields : Map.copyOf(fields);
        normalized = normalized instanceof SlotMap ? normalized : Map.copyOf(normalized);
    }

    /** The value of a field by its exact name, else by a case-insensitive match, else null. */
    public Object get(String name) {
        Object v = fields.get(name);
        if (v != null) return v;
        if (fields instanceof SlotMap slots) return slots.getIgnoringCase(name);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** The value as text (numbers as decimal, lists joined by newline), or null. */
    public String text(String name) {
        Object v = get(name);
        return switch (v) {
            case null -> null;
            case String s -> s;
            case java.util.List<?> l -> String.join("\n", l.stream().map(String::valueOf).toList());
            default -> String.valueOf(v);
        };
    }

    /** "file:line" or "file#record", for showing an analyst where evidence came from. */
    public String location() {
        return source + (format.toLowerCase(Locale.ROOT).startsWith("evtx") ? "#" : ":") + record;
    }
}
