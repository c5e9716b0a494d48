package kahu.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Web server access logs in the NCSA common and Apache/nginx combined formats:
 * {@code host ident user [dd/MMM/yyyy:HH:mm:ss ±hhmm] "request" status bytes ["referer" "user-agent" …]}
 * (Apache {@code LogFormat} "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\""; nginx's
 * default {@code combined} is the same). Parsed by scanning, not by a regular expression. Fields are named
 * after what the Apache directive logs. Tomcat writes the request line's bytes raw (a TLS hello sent to a
 * plain-HTTP port shows up as binary), so control bytes are accepted inside quotes when the rest parses.
 */
public final class AccessLogReader extends LineLogReader {

    public AccessLogReader(ReadOptions options) {
        super(options);
    }

    public AccessLogReader() {
        this(ReadOptions.DEFAULTS);
    }

    @Override
    LogFormat format() {
        return LogFormat.ACCESS_LOG;
    }

    @Override
    LineParser newParser(Source source, Consumer<ReadProblem> problems) {
        return new Parser(source.name());
    }

    private static final class Parser implements LineParser {
        private final String file;
        private String lastTime;
        private Instant lastInstant;

        Parser(String file) {
            this.file = file;
        }

        @Override
        public boolean acceptsControlBytes() {
            return true;
        }

        @Override
        public Event parse(String line, long n) throws BadRecord {
            int[] at = {0};
            String host = token(line, at), ident = token(line, at), user = token(line, at);
            skipSpaces(line, at);
            if (at[0] >= line.length() || line.charAt(at[0]) != '[') throw new BadRecord("not an access log line: no [time] after host, ident and user");
            int close = line.indexOf(']', at[0]);
            if (close < 0) throw new BadRecord("not an access log line: unterminated [time]");
            String time = line.substring(at[0] + 1, close);
            at[0] = close + 1;
            skipSpaces(line, at);
            String request = quoted(line, at, "request");
            String status = token(line, at), bytes = token(line, at);
            if (status.length() != 3 || Normalized.asLong(status) == null) throw new BadRecord("not an access log line: status '" + W3cLogReader.clip(status) + "' is not a 3-digit code");
            String referer = null, agent = null;
            skipSpaces(line, at);
            if (at[0] < line.length()) referer = quoted(line, at, "referer");
            skipSpaces(line, at);
            if (at[0] < line.length()) agent = quoted(line, at, "user agent");
            Instant ts = timestamp(time);

            Map<String, Object> f = new HashMap<>(24);
            f.put("remote_host", host);
            f.put("ident", ident);
            f.put("remote_user", user);
            f.put("time", time);
            f.put("request", request);
            f.put("status", status);
            f.put("bytes", bytes);
            if (referer != null) f.put("referer", referer);
            if (agent != null) f.put("user_agent", agent);
            String method = null, target = null, protocol = null;
            int sp1 = request.indexOf(' ');
            int sp2 = request.lastIndexOf(' ');
            if (sp1 > 0 && sp2 > sp1 && request.startsWith("HTTP/", sp2 + 1)) {
                method = request.substring(0, sp1);
                target = request.substring(sp1 + 1, sp2);
                protocol = request.substring(sp2 + 1);
            } else if (sp1 > 0 && sp1 == sp2) { // HTTP/0.9 style "GET /path"
                method = request.substring(0, sp1);
                target = request.substring(sp1 + 1);
            }
            String path = target, query = null;
            if (target != null) {
                f.put("method", method);
                f.put("uri", target);
                if (protocol != null) f.put("protocol", protocol);
                int q = target.indexOf('?');
                if (q >= 0) {
                    path = target.substring(0, q);
                    query = target.substring(q + 1);
                }
            }
            Map<String, Object> norm = new Normalized("apache", file, ts)
                    .put(looksLikeIp(host) ? "source.ip" : "source.domain", host)
                    .put("user.name", user)
                    .put("http.request.method", method)
                    .put("url.original", target)
                    .put("url.path", path)
                    .put("url.query", query)
                    .put("http.version", protocol == null ? null : protocol.substring(5))
                    .putLong("http.response.status_code", status)
                    .putLong("http.response.body.bytes", bytes)
                    .put("http.request.referrer", referer)
                    .put("user_agent.original", agent)
                    .map();
            return new Event(file, n, LogFormat.ACCESS_LOG.id(), ts, f, norm);
        }

        private Instant timestamp(String time) throws BadRecord {
            if (time.equals(lastTime)) return lastInstant;
            // dd/MMM/yyyy:HH:mm:ss ±hhmm
            if (time.length() != 26 || time.charAt(2) != '/' || time.charAt(6) != '/' || time.charAt(11) != ':' || time.charAt(20) != ' ')
                throw new BadRecord("invalid time '" + W3cLogReader.clip(time) + "'");
            int month = month(time.substring(3, 6));
            int day = W3cLogReader.digits(time, 0, 2), year = W3cLogReader.digits(time, 7, 4);
            int h = W3cLogReader.digits(time, 12, 2), m = W3cLogReader.digits(time, 15, 2), s = W3cLogReader.digits(time, 18, 2);
            int oh = W3cLogReader.digits(time, 22, 2), om = W3cLogReader.digits(time, 24, 2);
            char sign = time.charAt(21);
            if (month < 0 || oh < 0 || om < 0 || (sign != '+' && sign != '-')) throw new BadRecord("invalid time '" + time + "'");
            try {
                ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign == '-' ? -oh : oh, sign == '-' ? -om : om);
                lastInstant = LocalDateTime.of(year, month, day, h, m, s).toInstant(offset);
            } catch (java.time.DateTimeException e) {
                throw new BadRecord("invalid time '" + time + "'");
            }
            lastTime = time;
            return lastInstant;
        }
    }

    static int month(String mmm) {
        return switch (mmm) {
            case "Jan" -> 1; case "Feb" -> 2; case "Mar" -> 3; case "Apr" -> 4; case "May" -> 5; case "Jun" -> 6;
            case "Jul" -> 7; case "Aug" -> 8; case "Sep" -> 9; case "Oct" -> 10; case "Nov" -> 11; case "Dec" -> 12;
            default -> -1;
        };
    }

    private static String token(String line, int[] at) throws BadRecord {
        skipSpaces(line, at);
        int start = at[0];
        if (start >= line.length()) throw new BadRecord("not an access log line: too few fields");
        int sp = line.indexOf(' ', start);
        int end = sp < 0 ? line.length() : sp;
        at[0] = end;
        return line.substring(start, end);
    }

    private static void skipSpaces(String line, int[] at) {
        while (at[0] < line.length() && line.charAt(at[0]) == ' ') at[0]++;
    }

    /** A double-quoted value; Apache escapes a quote inside as {@code \"}. The closing quote is followed by a space or the end. */
    private static String quoted(String line, int[] at, String what) throws BadRecord {
        int i = at[0];
        if (i >= line.length() || line.charAt(i) != '"') throw new BadRecord("not an access log line: " + what + " is not quoted");
        int j = i + 1;
        while (true) {
            int q = line.indexOf('"', j);
            if (q < 0) throw new BadRecord("not an access log line: unterminated quoted " + what);
            if (line.charAt(q - 1) != '\\' && (q + 1 == line.length() || line.charAt(q + 1) == ' ')) {
                at[0] = q + 1;
                return line.substring(i + 1, q);
            }
            j = q + 1;
        }
    }

    static boolean looksLikeIp(String s) {
        if (s.indexOf(':') >= 0) return true; // IPv6
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') dots++;
            else if (c < '0' || c > '9') return false;
        }
        return dots == 3;
    }
}
