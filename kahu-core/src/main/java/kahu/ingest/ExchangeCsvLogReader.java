package kahu.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Exchange CSV logs: HttpProxy (all protocol folders: Autodiscover, Ecp, Ews, Oab, Owa, …) and other
 * Exchange logs of the same shape (ECP server logs). Columns come from the {@code #Fields:} line or from a
 * header row without {@code #} (PowerShell {@code Import-Csv} style); names are matched case-insensitively
 * because tools disagree ({@code ClientIpAddress} / {@code ClientIPAddress}). Empty values are left out of
 * the fields: an HttpProxy row has 74 columns, most of them empty.
 * Column list and meanings: shared exchange/log-formats.md (Sentinel DCR and Test-ProxyLogon).
 */
public final class ExchangeCsvLogReader extends LineLogReader {

    public ExchangeCsvLogReader(ReadOptions options) {
        super(options);
    }

    public ExchangeCsvLogReader() {
        this(ReadOptions.DEFAULTS);
    }

    @Override
    LogFormat format() {
        return LogFormat.EXCHANGE_CSV;
    }

    @Override
    LineParser newParser(Source source, Consumer<ReadProblem> problems) {
        return new Parser(source.name(), problems);
    }

    /** The dataset from the {@code #Log-type:} directive, else from the folder, e.g. {@code exchange.httpproxy}. */
    static String datasetFromPath(String file) {
        String p = file.toLowerCase(Locale.ROOT).replace('\\', '/');
        if (p.contains("httpproxy")) return "exchange.httpproxy";
        if (p.contains("/ecp/server") || p.contains("ecp/server")) return "exchange.ecp.server";
        return "exchange";
    }

    static String datasetFromLogType(String logType) {
        String t = logType.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith(" logs")) t = t.substring(0, t.length() - 5);
        else if (t.endsWith(" log")) t = t.substring(0, t.length() - 4);
        if (t.equals("httpproxy")) return "exchange.httpproxy";
        t = t.replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        return t.isEmpty() ? "exchange" : "exchange." + t;
    }

    /**
     * The columns {@code normalize} reads, by lower-case name. Their positions are found once per header
     * ({@link Header#at}): looking 27 names up in a map for every row was a few per cent of a scan.
     */
    private enum Column {
        DATETIME, URLSTEM, URLQUERY, REQUESTID, CLIENTIPADDRESS, URLHOST, METHOD, HTTPSTATUS, USERAGENT, AUTHENTICATEDUSER, SERVERHOSTNAME, REQUESTBYTES, RESPONSEBYTES, PROTOCOL, AUTHENTICATIONTYPE, ISAUTHENTICATED, ANCHORMAILBOX, TARGETSERVER, BACKENDSTATUS, BACKENDCOOKIE, ROUTINGTYPE, ROUTINGHINT, PROXYACTION, ERRORCODE, GENERICERRORS, CLIENTREQUESTID, TOTALREQUESTTIME;

        final String lowerName = name().toLowerCase(Locale.ROOT);
    }

    /**
     * A header's column names and their positions by lower-case name, shared by every file with the same header
     * line: a triage collection has thousands of small logs with one of a few headers (74 columns for HttpProxy),
     * and working them out per file cost more than the file's few rows.
     */
    private record Header(String[] columns, int[] at) {
        static Header of(List<String> names) {
            String[] columns = names.stream().map(String::trim).toArray(String[]::new);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < columns.length; i++) index.putIfAbsent(columns[i].toLowerCase(Locale.ROOT), i);
            int[] at = new int[Column.values().length];
            for (Column c : Column.values()) at[c.ordinal()] = index.getOrDefault(c.lowerName, -1);
            return new Header(columns, at);
        }
    }

    private static final int MAX_HEADERS = 256;
    private static final java.util.concurrent.ConcurrentHashMap<String, Header> HEADERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final class Parser implements LineParser {
        private final String file;
        private final CsvSplitter csv = new CsvSplitter();
        private String dataset;
        private String[] columns;
        private long fieldsLine;
        private int[] at;
        private final Consumer<ReadProblem> problems;
        private boolean headerlessReported;
        /** every event of the file shares these key tables (see SlotMap) */
        private final SlotMap.Builder fieldSlots = new SlotMap.Builder(), ecsSlots = new SlotMap.Builder();

        Parser(String file, Consumer<ReadProblem> problems) {
            this.file = file;
            this.problems = problems;
            this.dataset = datasetFromPath(file);
        }

        @Override
        public Event parse(String line, long n) throws BadRecord {
            if (line.charAt(0) == '#') {
                if (line.startsWith("#Fields:")) setColumns(line.substring(8).trim(), n);
                else if (line.regionMatches(true, 0, "#Log-type:", 0, 10)) dataset = datasetFromLogType(line.substring(10));
                return null;
            }
            if (line.startsWith("DateTime,") && (columns == null || line.startsWith(String.join(",", columns)))) {
                setColumns(line, n); // a header row, at the top or repeated
                return null;
            }
            if (columns == null) return headerless(line, n);
            List<String> values = csv.split(line);
            if (values.size() != columns.length) {
                throw new BadRecord("expected " + columns.length + " columns (header at line " + fieldsLine + "), found " + values.size());
            }
            Instant ts = null;
            String dt = value(values, Column.DATETIME);
            if (dt != null) {
                try {
                    ts = IsoInstant.parse(dt);
                } catch (DateTimeParseException e) {
                    throw new BadRecord("invalid DateTime '" + W3cLogReader.clip(dt) + "'");
                }
            }
            String format = dataset.replace('.', '-');
            Normalized norm = normalize(values, ts);
            if (dataset.equals("exchange.ecp.server")) norm.put("event.original", line); // Test-ProxyLogon matches these lines whole
            for (int i = 0; i < columns.length; i++) {
                String v = values.get(i);
                if (!v.isEmpty()) fieldSlots.put(columns[i], v);
            }
            return new Event(file, n, format, ts, fieldSlots.build(), norm.map());
        }

        /**
         * A row with no column names to go by. Kept whole rather than dropped, because line-based checks such as
         * Test-ProxyLogon's ECP server log pattern work on the raw text; reported once per file.
         */
        private Event headerless(String line, long n) {
            if (!headerlessReported) {
                headerlessReported = true;
                problems.accept(new ReadProblem(file, n, "no #Fields: or header row before this record; records kept as raw text in field 'message'"));
            }
            Map<String, Object> norm = new Normalized(dataset, file, null).put("event.original", line).put("message", line).map();
            return new Event(file, n, dataset.replace('.', '-'), null, Map.of("message", line), norm);
        }

        private void setColumns(String header, long n) throws BadRecord {
            Header h = HEADERS.get(header);
            if (h == null) {
                h = Header.of(csv.split(header));
                if (HEADERS.size() < MAX_HEADERS) HEADERS.putIfAbsent(header, h);
            }
            columns = h.columns();
            at = h.at();
            fieldsLine = n;
        }

        private String value(List<String> values, Column column) {
            int i = at[column.ordinal()];
            if (i < 0) return null;
            String v = values.get(i);
            return v.isEmpty() ? null : v;
        }

        private Normalized normalize(List<String> v, Instant ts) {
            String stem = value(v, Column.URLSTEM), query = value(v, Column.URLQUERY);
            if (query != null && query.startsWith("?")) query = query.substring(1);
            return new Normalized(ecsSlots, dataset, file, ts)
                    .put("http.request.id", value(v, Column.REQUESTID))
                    .put("source.ip", value(v, Column.CLIENTIPADDRESS))
                    .put("url.domain", value(v, Column.URLHOST))
                    .put("url.path", stem)
                    .put("url.query", query)
                    .put("url.original", Normalized.urlOriginal(stem, query))
                    .put("http.request.method", value(v, Column.METHOD))
                    .putLong("http.response.status_code", value(v, Column.HTTPSTATUS))
                    .put("user_agent.original", value(v, Column.USERAGENT))
                    .put("user.name", value(v, Column.AUTHENTICATEDUSER))
                    .put("host.name", value(v, Column.SERVERHOSTNAME))
                    .putLong("http.request.bytes", value(v, Column.REQUESTBYTES))
                    .putLong("http.response.bytes", value(v, Column.RESPONSEBYTES))
                    .put("exchange.protocol", value(v, Column.PROTOCOL))
                    .put("exchange.authentication_type", value(v, Column.AUTHENTICATIONTYPE))
                    .put("exchange.is_authenticated", value(v, Column.ISAUTHENTICATED))
                    .put("exchange.anchor_mailbox", value(v, Column.ANCHORMAILBOX))
                    .put("exchange.target_server", value(v, Column.TARGETSERVER))
                    .put("exchange.backend_status", value(v, Column.BACKENDSTATUS))
                    .put("exchange.backend_cookie", value(v, Column.BACKENDCOOKIE))
                    .put("exchange.routing_type", value(v, Column.ROUTINGTYPE))
                    .put("exchange.routing_hint", value(v, Column.ROUTINGHINT))
                    .put("exchange.proxy_action", value(v, Column.PROXYACTION))
                    .put("exchange.error_code", value(v, Column.ERRORCODE))
                    .put("exchange.generic_errors", value(v, Column.GENERICERRORS))
                    .put("exchange.client_request_id", value(v, Column.CLIENTREQUESTID))
                    .putLong("exchange.total_request_time", value(v, Column.TOTALREQUESTTIME));
        }
    }
}
