package kahu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Guesses a log's format from its first bytes (at most {@link #HEAD_BYTES}), first match wins:
 * <ol>
 * <li>EVTX: the file header magic {@code ElfFile\0};
 * <li>Exchange CSV: {@code #Software: Microsoft Exchange}, {@code #Log-type:}, a {@code #Fields:} list with commas,
 *     or a {@code DateTime,…} header row;
 * <li>IIS W3C: {@code #Software: Microsoft Internet Information Services}, or {@code #Version:} / {@code #Fields:}
 *     directives with space-separated names;
 * <li>JSON array: the first line starts with {@code [};
 * <li>JSON lines: the first line is an object: Zeek when it has {@code ts} and {@code uid} or {@code id.orig_h},
 *     Winlogbeat when it has {@code winlog}, else generic JSON;
 * <li>syslog: {@code <PRI>} then a version digit or a timestamp, or a line starting with an RFC 3164 or ISO timestamp;
 * <li>access log: {@code host ident user [time] "request" status}.
 * </ol>
 * Otherwise {@link LogFormat#UNKNOWN}; callers can override the guess.
 */
public final class LogFormatDetector {
    static final int HEAD_BYTES = 64 * 1024;

    private LogFormatDetector() {}

    public static LogFormat detect(Source source) throws IOException {
        try (InputStream in = source.open()) {
            return detect(in.readNBytes(HEAD_BYTES));
        }
    }

    public static LogFormat detect(byte[] head) {
        if (startsWith(head, "ElfFile\0")) return LogFormat.EVTX;
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int checked = 0;
        for (String raw : text.split("\n", 40)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank()) continue;
            if (line.startsWith("#")) {
                LogFormat f = directive(line);
                if (f != null) return f;
                continue;
            }
            LogFormat f = record(line);
            if (f != null) return f;
            if (++checked >= 5) break; // a few records decide; a log that mixes garbage in front is overridden by hand
        }
        return LogFormat.UNKNOWN;
    }

    private static LogFormat directive(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.startsWith("#software: microsoft exchange") || l.startsWith("#log-type:")) return LogFormat.EXCHANGE_CSV;
        if (l.startsWith("#software: microsoft internet information services")) return LogFormat.IIS_W3C;
        if (l.startsWith("#fields:")) return line.indexOf(',') >= 0 ? LogFormat.EXCHANGE_CSV : LogFormat.IIS_W3C;
        return null;
    }

    private static LogFormat record(String line) {
        if (line.startsWith("DateTime,")) return LogFormat.EXCHANGE_CSV;
        if (line.startsWith("[")) return LogFormat.JSON_ARRAY;
        if (line.startsWith("{")) {
            // Key tests on the raw text: the first line may be cut off at HEAD_BYTES, so it need not parse.
            if (line.contains("\"ts\"") && (line.contains("\"uid\"") || line.contains("\"id.orig_h\""))) return LogFormat.ZEEK_JSON;
            if (line.contains("\"winlog\"") || line.contains("\"winlog.event_id\"")) return LogFormat.WINLOGBEAT_JSON;
            return LogFormat.JSON_LINES;
        }
        if (isSyslog(line)) return LogFormat.SYSLOG;
        if (isAccessLog(line)) return LogFormat.ACCESS_LOG;
        return null;
    }

    static boolean isSyslog(String line) {
        int i = 0;
        if (line.startsWith("<")) {
            int close = line.indexOf('>');
            if (close < 2 || close > 4 || W3cLogReader.digits(line, 1, close - 1) < 0) return false;
            i = close + 1;
            if (line.length() > i + 1 && Character.isDigit(line.charAt(i)) && line.charAt(i + 1) == ' ') return true; // RFC 5424
        }
        if (line.length() >= i + 16 && AccessLogReader.month(line.substring(i, i + 3)) > 0 && line.charAt(i + 3) == ' '
                && line.charAt(i + 9) == ':' && line.charAt(i + 12) == ':') return true; // RFC 3164
        return line.length() > i + 20 && W3cLogReader.digits(line, i, 4) >= 0 && line.charAt(i + 4) == '-'
                && line.charAt(i + 10) == 'T' && line.indexOf(' ', i) > i + 18; // ISO timestamp, rsyslog style
    }

    static boolean isAccessLog(String line) {
        // host ident user [dd/MMM/yyyy:HH:mm:ss zone] "…
        int s1 = line.indexOf(' '), s2 = s1 < 0 ? -1 : line.indexOf(' ', s1 + 1), s3 = s2 < 0 ? -1 : line.indexOf(' ', s2 + 1);
        if (s3 < 0 || s3 + 1 >= line.length() || line.charAt(s3 + 1) != '[') return false;
        int close = line.indexOf(']', s3);
        return close == s3 + 28 && line.startsWith(" \"", close + 1) && line.charAt(s3 + 4) == '/';
    }

    private static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) if (head[i] != (byte) magic.charAt(i)) return false;
        return true;
    }
}
