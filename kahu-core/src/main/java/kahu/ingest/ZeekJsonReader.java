package kahu.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Zeek logs written as JSON lines ({@code LogAscii::use_json=T}): one object per line, connection 4-tuple in
 * {@code id.orig_h}/{@code id.orig_p}/{@code id.resp_h}/{@code id.resp_p}, {@code ts} in epoch seconds (or ISO 8601
 * with {@code json_timestamps=JSON::TS_ISO8601}). The log type ({@code conn}, {@code http}, {@code dns}, …) comes
 * from {@code _path} when written, else from the file name, and gives {@code event.dataset} {@code zeek.conn} etc.
 */
public final class ZeekJsonReader extends LineLogReader {

    public ZeekJsonReader(ReadOptions options) {
        super(options);
    }

    public ZeekJsonReader() {
        this(ReadOptions.DEFAULTS);
    }

    @Override
    LogFormat format() {
        return LogFormat.ZEEK_JSON;
    }

    @Override
    LineParser newParser(Source source, Consumer<ReadProblem> problems) {
        String file = source.name();
        String fromName = logTypeFromName(file);
        return (line, n) -> toEvent(file, n, fromName, JsonFlattener.flatten(line));
    }

    static String logTypeFromName(String file) {
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : null;
    }

    private static Event toEvent(String file, long n, String fromName, Map<String, Object> f) throws BadRecord {
        Instant ts = timestamp(f.get("ts"));
        String type = f.get("_path") instanceof String p ? p : fromName;
        String proto = text(f, "proto");
        return new Event(file, n, LogFormat.ZEEK_JSON.id(), ts, f, new Normalized(type == null ? "zeek" : "zeek." + type, file, ts)
                .put("source.ip", text(f, "id.orig_h"))
                .putObject("source.port", f.get("id.orig_p"))
                .put("destination.ip", text(f, "id.resp_h"))
                .putObject("destination.port", f.get("id.resp_p"))
                .put("zeek.session_id", text(f, "uid"))
                .put("network.transport", proto)
                .put("http.request.method", text(f, "method"))
                .put("url.domain", text(f, "host"))
                .put("url.original", text(f, "uri"))
                .put("user_agent.original", text(f, "user_agent"))
                .putObject("http.response.status_code", f.get("status_code"))
                .put("dns.question.name", text(f, "query"))
                .put("tls.client.server_name", text(f, "server_name"))
                .map());
    }

    private static String text(Map<String, Object> f, String key) {
        return f.get(key) instanceof String s ? s : null;
    }

    private static Instant timestamp(Object ts) throws BadRecord {
        return switch (ts) {
            case null -> null;
            case Long secs -> Instant.ofEpochSecond(secs);
            case String s when !s.isEmpty() && Character.isDigit(s.charAt(0)) && s.indexOf('-') < 0 -> {
                try {
                    BigDecimal d = new BigDecimal(s);
                    yield Instant.ofEpochSecond(d.longValue(), d.remainder(BigDecimal.ONE).movePointRight(9).longValue());
                } catch (NumberFormatException e) {
                    throw new BadRecord("invalid ts '" + W3cLogReader.clip(s) + "'");
                }
            }
            case String s -> {
                Instant t = JsonLinesReader.parseIso(s);
                if (t == null) throw new BadRecord("invalid ts '" + W3cLogReader.clip(s) + "'");
                yield t;
            }
            default -> null;
        };
    }
}
