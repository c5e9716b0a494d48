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
     * A header's column names and their positions by lower-case name, shared by every file with the same header
     * line: a triage collection has thousands of small logs with one of a few headers (74 columns for HttpProxy),
     * and working them out per file cost more than the file's few rows.
     */
    private record Header(String[] columns, Map<String, Integer> index) {
        static Header of(List<String> names) {
            String[] columns = names.stream().map(String::trim).toArray(String[]::new);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < columns.length; i++) index.putIfAbsent(columns[i].toLowerCase(Locale.ROOT), i);
            return new Header(columns, Map.copyOf(index));
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
        private Map<String, Integer> index = Map.of();
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
            String dt = value(values, "datetime");
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
            index = h.index();
            fieldsLine = n;
        }

        private String value(List<String> values, String lowerName) {
            Integer i = index.get(lowerName);
            if (i == null) return null;
            String v = values.get(i);
            return v.isEmpty() ? null : v;
        }

        private Normalized normalize(List<String> v, Instant ts) {
            String stem = value(v, "urlstem"), query = value(v, "urlquery");
            if (query != null && query.startsWith("?")) query = query.substring(1);
            return new Normalized(ecsSlots, dataset, file, ts)
                    .put("http.request.id", value(v, "requestid"))
                    .put("source.ip", value(v, "clientipaddress"))
                    .put("url.domain", value(v, "urlhost"))
                    .put("url.path", stem)
                    .put("url.query", query)
                    .put("url.original", Normalized.urlOriginal(stem, query))
                    .put("http.request.method", value(v, "method"))
                    .putLong("http.response.status_code", value(v, "httpstatus"))
                    .put("user_agent.original", value(v, "useragent"))
                    .put("user.name", value(v, "authenticateduser"))
                    .put("host.name", value(v, "serverhostname"))
                    .putLong("http.request.bytes", value(v, "requestbytes"))
                    .putLong("http.response.bytes", value(v, "responsebytes"))
                    .put("exchange.protocol", value(v, "protocol"))
                    .put("exchange.authentication_type", value(v, "authenticationtype"))
                    .put("exchange.is_authenticated", value(v, "isauthenticated"))
                    .put("exchange.anchor_mailbox", value(v, "anchormailbox"))
                    .put("exchange.target_server", value(v, "targetserver"))
                    .put("exchange.backend_status", value(v, "backendstatus"))
                    .put("exchange.backend_cookie", value(v, "backendcookie"))
                    .put("exchange.routing_type", value(v, "routingtype"))
                    .put("exchange.routing_hint", value(v, "routinghint"))
                    .put("exchange.proxy_action", value(v, "proxyaction"))
                    .put("exchange.error_code", value(v, "errorcode"))
                    .put("exchange.generic_errors", value(v, "genericerrors"))
                    .put("exchange.client_request_id", value(v, "clientrequestid"))
                    .putLong("exchange.total_request_time", value(v, "totalrequesttime"));
        }
    }
}
