package kahu.ingest;

import java.util.Locale;

/** The log formats Kahu reads, each with the name events carry in {@link Event#format()}. */
public enum LogFormat {
    IIS_W3C("iis"),
    EXCHANGE_CSV("exchange"),
    SYSLOG("syslog"),
    ACCESS_LOG("apache"),
    ZEEK_JSON("zeek"),
    WINLOGBEAT_JSON("winlogbeat"),
    JSON_LINES("json"),
    /** One JSON array of objects; events carry format {@code json} or {@code winlogbeat} like JSON lines. */
    JSON_ARRAY("json-array"),
    /** Binary Windows event log; parsed by {@code kahu.ingest.evtx}, only classified here. */
    EVTX("evtx"),
    UNKNOWN("unknown");

    private final String id;

    LogFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The reader for this format, or null for EVTX (another package) and UNKNOWN. */
    public LogReader reader(ReadOptions options) {
        return switch (this) {
            case IIS_W3C -> new W3cLogReader(options);
            case EXCHANGE_CSV -> new ExchangeCsvLogReader(options);
            case SYSLOG -> new SyslogReader(options);
            case ACCESS_LOG -> new AccessLogReader(options);
            case ZEEK_JSON -> new ZeekJsonReader(options);
            case WINLOGBEAT_JSON, JSON_LINES -> new JsonLinesReader(options);
            case JSON_ARRAY -> new JsonArrayReader(options);
            case EVTX, UNKNOWN -> null;
        };
    }

    /** By id ({@code iis}) or constant name ({@code IIS_W3C}), case-insensitive; for a command-line override. */
    public static LogFormat parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (LogFormat f : values()) {
            if (f.id.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) return f;
        }
        return switch (n) {
            case "w3c" -> IIS_W3C;
            case "httpproxy", "exchange-httpproxy", "csv" -> EXCHANGE_CSV;
            case "nginx", "access", "combined", "tomcat" -> ACCESS_LOG;
            case "ndjson", "jsonl", "ecs" -> JSON_LINES;
            default -> throw new IllegalArgumentException("unknown log format: " + name);
        };
    }
}
