package kahu.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * IIS W3C extended logs. Column names come from the latest {@code #Fields:} directive (it may change mid-file);
 * values are separated by single spaces, {@code -} means empty and {@code +} stands for a space inside a value.
 * Fields keep the raw text as logged; the normalised view decodes {@code +} in the user agent and drops {@code -}.
 * Dates and times are UTC (Microsoft Learn, IIS {@code <logFile>} reference; see shared exchange/log-formats.md).
 */
public final class W3cLogReader extends LineLogReader {
    /** The IIS 8.5+ default set, assumed when records come before any {@code #Fields:} directive. */
    static final List<String> IIS_DEFAULT_FIELDS = List.of("date", "time", "s-ip", "cs-method", "cs-uri-stem",
            "cs-uri-query", "s-port", "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status",
            "sc-substatus", "sc-win32-status", "time-taken");

    public W3cLogReader(ReadOptions options) {
        super(options);
    }

    public W3cLogReader() {
        this(ReadOptions.DEFAULTS);
    }

    @Override
    LogFormat format() {
        return LogFormat.IIS_W3C;
    }

    @Override
    LineParser newParser(Source source, Consumer<ReadProblem> problems) {
        return new Parser(source.name());
    }

    private static final class Parser implements LineParser {
        private final String file;
        private String[] columns;
        private long fieldsLine;
        private String[] values = new String[32];
        private int dateIdx, timeIdx;
        private String lastDate;
        private long lastEpochDay;
        /** every event of the file shares these key tables (see SlotMap) */
        private final SlotMap.Builder fieldSlots = new SlotMap.Builder(), ecsSlots = new SlotMap.Builder();

        Parser(String file) {
            this.file = file;
        }

        @Override
        public Event parse(String line, long n) throws BadRecord {
            if (line.charAt(0) == '#') {
                if (line.startsWith("#Fields:")) setColumns(names(line.substring(8)), n);
                return null;
            }
            if (columns == null) setColumns(IIS_DEFAULT_FIELDS.toArray(String[]::new), 0);
            int count = split(line);
            if (count != columns.length) {
                throw new BadRecord("expected " + columns.length + " fields ("
                        + (fieldsLine > 0 ? "#Fields: at line " + fieldsLine : "IIS defaults, no #Fields: directive") + "), found " + count);
            }
            Instant ts = timestamp(); // before building: a bad date must not leave values in the builder
            for (int i = 0; i < count; i++) fieldSlots.put(columns[i], values[i]);
            Map<String, Object> fields = fieldSlots.build();
            return new Event(file, n, LogFormat.IIS_W3C.id(), ts, fields, normalize(ecsSlots, file, fields, ts));
        }

        private void setColumns(String[] names, long line) {
            columns = names;
            fieldsLine = line;
            if (values.length < names.length) values = new String[names.length];
            List<String> list = Arrays.asList(names);
            dateIdx = list.indexOf("date");
            timeIdx = list.indexOf("time");
        }

        /** The names of a {@code #Fields:} directive, split on runs of spaces (a regular expression cost more than the file's events). */
        private static String[] names(String text) {
            String directive = text.trim(); // as trim().split(" +") did: tabs and CR at the ends go, an empty list is one ""
            if (directive.isEmpty()) return new String[] {""};
            List<String> out = new java.util.ArrayList<>(24);
            int i = 0, len = directive.length();
            while (i < len) {
                while (i < len && directive.charAt(i) == ' ') i++;
                int start = i;
                while (i < len && directive.charAt(i) != ' ') i++;
                if (i > start) out.add(directive.substring(start, i));
            }
            return out.toArray(String[]::new);
        }

        /** Splits on single spaces into the reused array; returns the number of values. */
        private int split(String line) {
            int count = 0, start = 0, len = line.length();
            while (true) {
                int sp = line.indexOf(' ', start);
                int end = sp < 0 ? len : sp;
                if (count < values.length) values[count] = line.substring(start, end);
                count++;
                if (sp < 0) return count;
                start = sp + 1;
            }
        }

        private Instant timestamp() throws BadRecord {
            if (dateIdx < 0 || timeIdx < 0) return null;
            String d = values[dateIdx], t = values[timeIdx];
            if (!d.equals(lastDate)) {
                if (d.length() != 10 || d.charAt(4) != '-' || d.charAt(7) != '-') throw new BadRecord("invalid date '" + clip(d) + "'");
                try {
                    lastEpochDay = LocalDate.of(digits(d, 0, 4), digits(d, 5, 2), digits(d, 8, 2)).toEpochDay();
                } catch (java.time.DateTimeException e) {
                    throw new BadRecord("invalid date '" + clip(d) + "'");
                }
                lastDate = d;
            }
            if (t.length() < 8 || t.charAt(2) != ':' || t.charAt(5) != ':') throw new BadRecord("invalid time '" + clip(t) + "'");
            int h = digits(t, 0, 2), m = digits(t, 3, 2), s = digits(t, 6, 2);
            if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60) throw new BadRecord("invalid time '" + clip(t) + "'");
            long nanos = 0;
            if (t.length() > 9 && t.charAt(8) == '.') {
                String frac = (t.substring(9) + "000000000").substring(0, 9);
                int f = digits(frac, 0, 9);
                if (f < 0) throw new BadRecord("invalid time '" + clip(t) + "'");
                nanos = f;
            }
            return Instant.ofEpochSecond(lastEpochDay * 86_400 + h * 3600L + m * 60L + s, nanos);
        }

        private static Map<String, Object> normalize(SlotMap.Builder slots, String file, Map<String, Object> f, Instant ts) {
            String stem = (String) f.get("cs-uri-stem"), query = (String) f.get("cs-uri-query");
            String agent = (String) f.get("cs(User-Agent)");
            Long took = Normalized.asLong((String) f.get("time-taken"));
            return new Normalized(slots, "iis", file, ts)
                    .put("source.ip", (String) f.get("c-ip"))
                    .putLong("source.port", (String) f.get("c-port"))
                    .put("destination.ip", (String) f.get("s-ip"))
                    .putLong("destination.port", (String) f.get("s-port"))
                    .put("http.request.method", (String) f.get("cs-method"))
                    .put("url.path", stem)
                    .put("url.query", query)
                    .put("url.original", Normalized.urlOriginal(stem, query))
                    .put("url.domain", (String) f.get("cs-host"))
                    .putLong("http.response.status_code", (String) f.get("sc-status"))
                    .put("user_agent.original", agent == null ? null : agent.replace('+', ' '))
                    .put("http.request.referrer", (String) f.get("cs(Referer)"))
                    .put("user.name", (String) f.get("cs-username"))
                    .put("host.name", (String) f.get("s-computername"))
                    .put("http.version", (String) f.get("cs-version"))
                    .putObject("event.duration", took == null ? null : took * 1_000_000L)
                    .map();
        }
    }

    /** Parses {@code count} ASCII digits at {@code from}, or -1 when any is not a digit. */
    static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
