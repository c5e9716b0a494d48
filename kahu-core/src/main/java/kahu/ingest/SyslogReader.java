package kahu.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Syslog lines as files hold them: RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG}),
 * RFC 3164 ({@code <PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG}, PRI optional because local files drop it) and
 * the ISO-timestamp variant that rsyslog writes by default ({@code 2024-05-01T10:00:00.123+00:00 HOST TAG: MSG}).
 * RFC 3164 timestamps carry no year or zone: the year is {@link ReadOptions#syslogYear()}, the zone UTC.
 * Structured-data parameters become fields named {@code SD-ID.PARAM}.
 */
public final class SyslogReader extends LineLogReader {

    public SyslogReader(ReadOptions options) {
        super(options);
    }

    public SyslogReader() {
        this(ReadOptions.DEFAULTS);
    }

    @Override
    LogFormat format() {
        return LogFormat.SYSLOG;
    }

    @Override
    LineParser newParser(Source source, Consumer<ReadProblem> problems) {
        String file = source.name();
        Rfc3164Year year = new Rfc3164Year(options.syslogYear());
        return (line, n) -> parse(file, year, line, n);
    }

    static Event parse(String file, Rfc3164Year year, String line, long n) throws BadRecord {
        Map<String, Object> f = new HashMap<>(16);
        int i = 0;
        int pri = -1;
        if (line.charAt(0) == '<') {
            int close = line.indexOf('>');
            if (close < 2 || close > 4) throw new BadRecord("invalid syslog priority");
            pri = W3cLogReader.digits(line, 1, close - 1);
            if (pri < 0 || pri > 191) throw new BadRecord("invalid syslog priority '" + line.substring(0, close + 1) + "'");
            f.put("priority", (long) pri);
            f.put("facility", (long) (pri >> 3));
            f.put("severity", (long) (pri & 7));
            i = close + 1;
        }
        Instant ts;
        if (pri >= 0 && line.length() > i + 1 && Character.isDigit(line.charAt(i)) && line.charAt(i + 1) == ' ') {
            ts = rfc5424(line, i, f);
        } else {
            ts = rfc3164(line, i, year, pri >= 0, f);
        }
        String app = (String) f.get("app_name"), procid = (String) f.get("procid");
        Normalized norm = new Normalized("syslog", file, ts)
                .put("host.hostname", (String) f.get("hostname"))
                .put("host.name", (String) f.get("hostname"))
                .put("process.name", app)
                .put("log.syslog.appname", app)
                .put("log.syslog.procid", procid)
                .putLong("process.pid", procid)
                .put("log.syslog.msgid", (String) f.get("msgid"))
                .put("message", (String) f.get("message"));
        if (pri >= 0) {
            norm.putObject("log.syslog.priority", (long) pri)
                    .putObject("log.syslog.facility.code", (long) (pri >> 3))
                    .putObject("log.syslog.severity.code", (long) (pri & 7));
        }
        return new Event(file, n, LogFormat.SYSLOG.id(), ts, f, norm.map());
    }

    private static Instant rfc5424(String line, int i, Map<String, Object> f) throws BadRecord {
        int[] at = {i};
        f.put("version", word(line, at));
        String time = word(line, at);
        put(f, "timestamp", time);
        put(f, "hostname", word(line, at));
        put(f, "app_name", word(line, at));
        put(f, "procid", word(line, at));
        put(f, "msgid", word(line, at));
        if (at[0] >= line.length()) throw new BadRecord("RFC 5424 line without STRUCTURED-DATA");
        int p = at[0];
        if (line.charAt(p) == '-') {
            p++;
        } else if (line.charAt(p) == '[') {
            int start = p;
            p = structuredData(line, p, f);
            f.put("structured_data", line.substring(start, p));
        } else throw new BadRecord("RFC 5424 STRUCTURED-DATA must be '-' or start with '['");
        if (p < line.length() && line.charAt(p) == ' ') p++;
        String msg = line.substring(p);
        if (msg.startsWith("\uFEFF")) msg = msg.substring(1);
        if (!msg.isEmpty()) f.put("message", msg);
        if (time.equals("-")) return null;
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRecord("invalid RFC 5424 timestamp '" + W3cLogReader.clip(time) + "'");
        }
    }

    /** Parses {@code [id k="v" …]…} into {@code id.k} fields; returns the index after the last element. */
    private static int structuredData(String line, int p, Map<String, Object> f) throws BadRecord {
        StringBuilder value = new StringBuilder();
        while (p < line.length() && line.charAt(p) == '[') {
            int end = p + 1;
            while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != ']') end++;
            String id = line.substring(p + 1, end);
            p = end;
            while (true) {
                if (p >= line.length()) throw new BadRecord("unterminated STRUCTURED-DATA element [" + id);
                char c = line.charAt(p);
                if (c == ']') {
                    p++;
                    break;
                }
                if (c == ' ') {
                    p++;
                    continue;
                }
                int eq = line.indexOf('=', p);
                if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') throw new BadRecord("bad SD-PARAM in [" + id);
                String name = line.substring(p, eq);
                value.setLength(0);
                p = eq + 2;
                while (true) {
                    if (p >= line.length()) throw new BadRecord("unterminated SD-PARAM value " + id + "." + name);
                    char v = line.charAt(p++);
                    if (v == '\\' && p < line.length() && "\"\\]".indexOf(line.charAt(p)) >= 0) value.append(line.charAt(p++));
                    else if (v == '"') break;
                    else value.append(v);
                }
                f.put(id + "." + name, value.toString());
            }
        }
        return p;
    }

    private static Instant rfc3164(String line, int i, Rfc3164Year year, boolean hadPri, Map<String, Object> f) throws BadRecord {
        Instant ts = null;
        int p = i;
        if (line.length() >= i + 16 && line.charAt(i + 3) == ' ' && line.charAt(i + 15) == ' ' && AccessLogReader.month(line.substring(i, i + 3)) > 0) {
            String t = line.substring(i, i + 15); // Mmm dd hh:mm:ss, day padded with a space
            int day = W3cLogReader.digits(t.replace(' ', '0'), 4, 2);
            int h = W3cLogReader.digits(t, 7, 2), m = W3cLogReader.digits(t, 10, 2), s = W3cLogReader.digits(t, 13, 2);
            try {
                int month = AccessLogReader.month(t.substring(0, 3));
                ts = LocalDateTime.of(year.of(month, day), month, day, h, m, s).toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                throw new BadRecord("invalid RFC 3164 timestamp '" + t + "'");
            }
            f.put("timestamp", t);
            p = i + 16;
        } else {
            int sp = line.indexOf(' ', i);
            if (sp > i + 18 && Character.isDigit(line.charAt(i)) && line.charAt(i + 4) == '-' && line.charAt(i + 10) == 'T') {
                String t = line.substring(i, sp);
                try {
                    ts = OffsetDateTime.parse(t).toInstant();
                } catch (DateTimeParseException e) {
                    throw new BadRecord("invalid timestamp '" + W3cLogReader.clip(t) + "'");
                }
                f.put("timestamp", t);
                p = sp + 1;
            } else if (!hadPri) {
                throw new BadRecord("not a syslog line: no <PRI> and no timestamp");
            }
        }
        if (ts != null) { // HOSTNAME follows a timestamp; without one the whole rest is the message (RFC 3164 4.3.3)
            int sp = line.indexOf(' ', p);
            if (sp < 0) throw new BadRecord("syslog line without a message");
            f.put("hostname", line.substring(p, sp));
            p = sp + 1;
        }
        int tagEnd = p;
        while (tagEnd < line.length() && tagEnd - p <= 48) {
            char c = line.charAt(tagEnd);
            if (c == ':' || c == '[' || c == ' ') break;
            tagEnd++;
        }
        if (tagEnd > p && tagEnd < line.length() && (line.charAt(tagEnd) == ':' || line.charAt(tagEnd) == '[')) {
            f.put("app_name", line.substring(p, tagEnd));
            int q = tagEnd;
            if (line.charAt(q) == '[') {
                int close = line.indexOf(']', q);
                if (close > q) {
                    f.put("procid", line.substring(q + 1, close));
                    q = close + 1;
                }
            }
            if (q < line.length() && line.charAt(q) == ':') q++;
            if (q < line.length() && line.charAt(q) == ' ') q++;
            p = q;
        }
        f.put("message", line.substring(p));
        return ts;
    }

    /**
     * The year of RFC 3164 timestamps, which carry none, for one file: the configured year, or else the current
     * one (the previous one if that would put the first line in the future); it moves on by one when the months
     * wrap from November/December to January/February within the file, as a log running over New Year does.
     */
    static final class Rfc3164Year {
        private final java.time.Year configured;
        private int year;
        private int lastMonth;

        Rfc3164Year(java.time.Year configured) {
            this.configured = configured;
        }

        int of(int month, int day) {
            if (lastMonth == 0) {
                if (configured != null) year = configured.getValue();
                else {
                    java.time.LocalDate today = java.time.LocalDate.now(ZoneOffset.UTC);
                    year = today.getYear();
                    if (day >= 1 && day <= 31 && java.time.MonthDay.of(month, Math.min(day, 28)).atYear(year).isAfter(today.plusDays(1))) year--;
                }
            } else if (lastMonth >= 11 && month <= 2) {
                year++;
            }
            lastMonth = month;
            return year;
        }
    }

    private static String word(String line, int[] at) throws BadRecord {
        int start = at[0];
        int sp = line.indexOf(' ', start);
        if (sp < 0 || sp == start) throw new BadRecord("RFC 5424 header is incomplete");
        at[0] = sp + 1;
        return line.substring(start, sp);
    }

    private static void put(Map<String, Object> f, String name, String value) {
        if (!value.equals("-")) f.put(name, value);
    }
}
