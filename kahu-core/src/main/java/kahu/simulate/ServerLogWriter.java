package kahu.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one server's records, sorted by time, into its log files in the layouts Kahu's readers
 * take (shared exchange/log-formats.md; kahu.ingest): IIS W3C daily files for the front end (W3SVC1)
 * and back end (W3SVC2), HttpProxy CSV hourly per protocol, ECP server and OAB generator logs, and
 * Winlogbeat NDJSON per channel. Every adversary record's {@code file:line} is reported as it is written.
 */
final class ServerLogWriter implements AutoCloseable {
    /** The 74 HttpProxy columns in order (shared exchange/log-formats.md, from Microsoft's Sentinel DCR). */
    static final String PROXY_FIELDS = "DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,ClientRequestId,Protocol,"
            + "UrlHost,UrlStem,ProtocolAction,AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,UserAgent,"
            + "ClientIpAddress,ServerHostName,HttpStatus,BackEndStatus,ErrorCode,Method,ProxyAction,TargetServer,TargetServerVersion,"
            + "RoutingType,RoutingHint,BackEndCookie,ServerLocatorHost,ServerLocatorLatency,RequestBytes,ResponseBytes,"
            + "TargetOutstandingRequests,AuthModulePerfContext,HttpPipelineLatency,CalculateTargetBackEndLatency,GlsLatencyBreakup,"
            + "TotalGlsLatency,AccountForestLatencyBreakup,TotalAccountForestLatency,ResourceForestLatencyBreakup,"
            + "TotalResourceForestLatency,ADLatency,SharedCacheLatencyBreakup,TotalSharedCacheLatency,ActivityContextLifeTime,"
            + "ModuleToHandlerSwitchingLatency,ClientReqStreamLatency,BackendReqInitLatency,BackendReqStreamLatency,"
            + "BackendProcessingLatency,BackendRespInitLatency,BackendRespStreamLatency,ClientRespStreamLatency,KerberosAuthHeaderLatency,"
            + "HandlerCompletionLatency,RequestHandlerLatency,HandlerToModuleSwitchingLatency,ProxyTime,CoreLatency,RoutingLatency,"
            + "HttpProxyOverhead,TotalRequestTime,RouteRefresherLatency,UrlQuery,BackEndGenericInfo,GenericInfo,GenericErrors,EdgeTraceId,"
            + "DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,RoutingStatus";
    static final String IIS_FIELDS = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) "
            + "sc-status sc-substatus sc-win32-status time-taken";
    static final String ECP_FIELDS = "DateTime,RequestId,ServerName,AuthenticatedUser,ClientIpAddress,Cmdlet,Parameters,Status";
    static final String OAB_FIELDS = "DateTime,ThreadId,Level,Message";

    /** Told where each adversary record landed: the operation's index and {@code file:line} relative to the output root. */
    interface Located {
        void at(int op, String location);
    }

    private final ServerFiles files;
    private final String hostDir; // relative to root, '/'-separated
    private final Organisation org;
    private final Organisation.Host host;
    private final Located located;
    private final String exchangeVersion, iisSoftware;
    private final String[] buildParts;
    private final Map<String, Stream> streams = new HashMap<>();
    private final StringBuilder sb = new StringBuilder(1024);
    private final Rng rng;
    private final long[] recordIds = new long[LogRecord.Channel.values().length];
    long bytes, lines;

    ServerLogWriter(ServerFiles files, String hostDir, Organisation org, Organisation.Host host, Rng rng, Located located) {
        this.files = files;
        this.hostDir = hostDir;
        this.org = org;
        this.host = host;
        this.rng = rng;
        this.located = located;
        this.buildParts = host.build().split("\\.");
        this.exchangeVersion = buildParts[0] + "." + pad(buildParts[1], 2) + "." + pad(buildParts[2], 4) + "." + pad(buildParts[3], 3);
        this.iisSoftware = host.build().startsWith("15.0.") ? "8.5" : "10.0"; // 2013 ran on Windows Server 2012 R2
    }

    private static String pad(String s, int n) {
        return "0".repeat(Math.max(0, n - s.length())) + s;
    }

    /**
     * An output file being filled, with its line count. The simulated files are small (a sparse sample), so
     * each is held as bytes and written with one call when the next period's file starts or the server ends.
     */
    private static final class Stream {
        final long key;
        final String rel;
        byte[] buf = new byte[4096];
        int len;
        long line;
        long lastTime; // the last record's, for the file's modification time in a zip

        Stream(long key, String rel, long time) {
            this.key = key;
            this.rel = rel;
            this.lastTime = time;
        }

        void append(CharSequence cs) {
            int n = cs.length();
            if (len + n * 3 > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n * 3));
            for (int i = 0; i < n; i++) {
                char c = cs.charAt(i);
                if (c < 0x80) buf[len++] = (byte) c;
                else { // rare: names and texts are ASCII but a scenario file may hold anything
                    byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(b, 0, buf, len, b.length);
                    len += b.length;
                }
            }
        }

        void flush(ServerFiles files) throws IOException {
            files.write(rel, buf, len, lastTime, false);
        }
    }

    void write(List<LogRecord> records) throws IOException {
        for (LogRecord r : records) {
            switch (r) {
                case LogRecord.Web w -> web(w);
                case LogRecord.Win w -> win(w);
                case LogRecord.Ecp e -> ecp(e);
                case LogRecord.Oab o -> oab(o);
            }
        }
    }

    /** The open file of a log kind, or null when the record belongs in a new one (different period key). */
    private Stream current(String kind, long key) {
        Stream s = streams.get(kind);
        return s != null && s.key == key ? s : null;
    }

    /** Starts the next file of a log kind (writing out the previous one) with its header. */
    private Stream open(String kind, long key, String rel, long time, String header) throws IOException {
        Stream old = streams.get(kind);
        if (old != null) old.flush(files);
        Stream s = new Stream(key, rel, time);
        streams.put(kind, s);
        if (header != null) {
            s.append(header.replace("{date}", headerDate(time, kind.startsWith("W3SVC"))));
            s.line += header.chars().filter(c -> c == '\n').count();
            bytes += s.len;
        }
        return s;
    }

    private String headerDate(long time, boolean iis) {
        StringBuilder d = new StringBuilder(24);
        if (iis) Times.iis(d, time);
        else Times.iso(d, time);
        return d.toString();
    }

    private void emit(Stream s, int op, long time) {
        if (time > s.lastTime) s.lastTime = time;
        sb.append('\n');
        int before = s.len;
        s.append(sb);
        s.line++;
        lines++;
        bytes += s.len - before;
        if (op >= 0) located.at(op, s.rel + ":" + s.line);
    }

    private void web(LogRecord.Web w) throws IOException {
        String site = w.backend() ? "W3SVC2" : "W3SVC1";
        long day = Math.floorDiv(w.time(), Times.DAY);
        Stream s = current(site, day);
        if (s == null) s = open(site, day, hostDir + "/inetpub/logs/LogFiles/" + site + "/u_ex" + Times.yymmdd(w.time()) + ".log", w.time(),
                "#Software: Microsoft Internet Information Services " + iisSoftware + "\n#Version: 1.0\n#Date: {date}\n#Fields: " + IIS_FIELDS + "\n");
        sb.setLength(0);
        Times.iis(sb, w.time());
        sb.append(' ');
        Addresses.append(sb, host.internalIp());
        sb.append(' ').append(w.method()).append(' ').append(w.stem()).append(' ');
        iis(w.query());
        sb.append(' ').append(w.backend() ? "444" : "443").append(' ');
        iis(w.user());
        sb.append(' ');
        Addresses.append(sb, w.clientIp());
        sb.append(' ');
        iis(w.userAgent());
        sb.append(" - ").append(w.status()).append(" 0 ").append(w.status() >= 500 ? "64" : "0").append(' ').append(w.takenMs());
        emit(s, w.op(), w.time());
        if (w.proxy() != null) proxy(w);
    }

    /** IIS writes spaces as '+' and empty values as '-'. */
    private void iis(String v) {
        if (v == null || v.isEmpty()) {
            sb.append('-');
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            sb.append(c == ' ' ? '+' : c);
        }
    }

    private void proxy(LogRecord.Web w) throws IOException {
        LogRecord.Proxy p = w.proxy();
        long month = month(w.time());
        Stream s = current(p.protocol(), month);
        if (s == null) s = open(p.protocol(), month, hostDir + "/Logging/HttpProxy/" + p.protocol() + "/HttpProxy_" + Times.stamp(w.time(), true) + "-1.LOG",
                w.time(), "#Software: Microsoft Exchange Server\n#Version: " + exchangeVersion + "\n#Log-type: HttpProxy Logs\n#Date: {date}\n#Fields: "
                        + PROXY_FIELDS + "\n");
        boolean auth = w.user() != null;
        sb.setLength(0);
        Times.iso(sb, w.time());
        sb.append(',').append(rng.uuid()).append(',').append(buildParts[0]).append(',').append(buildParts[1]).append(',')
                .append(buildParts[2]).append(',').append(buildParts[3]).append(",,").append(p.protocol()).append(',');
        sb.append(host.name().toLowerCase(java.util.Locale.ROOT).replace(host.shortName().toLowerCase(java.util.Locale.ROOT) + ".", "mail."));
        sb.append(',');
        csv(w.stem());
        sb.append(",,");
        csv(p.authType());
        sb.append(',').append(auth).append(',');
        csv(w.user());
        sb.append(",,");
        csv(p.anchorMailbox());
        sb.append(',');
        csv(w.userAgent());
        sb.append(',');
        Addresses.append(sb, w.clientIp());
        sb.append(',').append(host.shortName()).append(',').append(w.status()).append(',');
        if (p.backendStatus() > 0) sb.append(p.backendStatus());
        sb.append(',');
        csv(p.errorCode());
        sb.append(',').append(w.method()).append(",Proxy,").append(host.name().toLowerCase(java.util.Locale.ROOT)).append(',').append(exchangeVersion)
                .append(',').append(auth ? "IntraForest" : "").append(',');
        csv(p.routingHint());
        sb.append(",,,,").append(200 + (w.takenMs() * 7 % 1800)).append(',').append(500 + (w.takenMs() * 13 % 9000));
        // columns 34..63 (latencies) stay empty; 64 TotalRequestTime, 65 empty, 66 UrlQuery, 67 empty, 68 GenericInfo, 69..74 empty
        sb.append(",".repeat(31)).append(w.takenMs()).append(",,");
        csv(w.query() == null ? null : "?" + w.query());
        sb.append(",,");
        sb.append("BeginRequest=");
        Times.iso(sb, w.time() - w.takenMs());
        sb.append(";CorrelationID=<empty>;EndRequest=");
        Times.iso(sb, w.time());
        sb.append(';').append(",,,,,,");
        emit(s, w.op(), w.time());
    }

    /**
     * The Exchange logs roll over monthly here (real servers roll hourly): the benign traffic is a sparse
     * sample, and hourly files would hold one row each. A file is named after the hour of its first row.
     */
    private static long month(long t) {
        int[] c = Times.civil(Math.floorDiv(t, Times.DAY));
        return c[0] * 12L + c[1];
    }

    private void csv(String v) {
        if (v == null) return;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') sb.append('"');
            sb.append(c);
        }
        sb.append('"');
    }

    private void ecp(LogRecord.Ecp e) throws IOException {
        Stream s = current("ecp-server", month(e.time()));
        if (s == null) s = open("ecp-server", month(e.time()), hostDir + "/Logging/ECP/Server/ECPServer_" + Times.stamp(e.time(), true) + "-1.LOG", e.time(),
                "#Software: Microsoft Exchange Server\n#Version: " + exchangeVersion + "\n#Log-type: ECP Server Logs\n#Date: {date}\n#Fields: "
                        + ECP_FIELDS + "\n");
        sb.setLength(0);
        Times.iso(sb, e.time());
        sb.append(',').append(rng.uuid()).append(',').append(host.shortName()).append(',');
        csv(e.user());
        sb.append(',');
        Addresses.append(sb, e.clientIp());
        sb.append(',');
        csv(e.cmdlet());
        sb.append(',');
        csv(e.parameters());
        sb.append(",Success");
        emit(s, e.op(), e.time());
    }

    private void oab(LogRecord.Oab o) throws IOException {
        Stream s = current("oab-generator", month(o.time()));
        if (s == null) s = open("oab-generator", month(o.time()), hostDir + "/Logging/OABGeneratorLog/OABGeneratorLog_" + Times.stamp(o.time(), true) + "-1.LOG",
                o.time(),
                "#Software: Microsoft Exchange Server\n#Version: " + exchangeVersion + "\n#Log-type: OABGeneratorLog\n#Date: {date}\n#Fields: "
                        + OAB_FIELDS + "\n");
        sb.setLength(0);
        Times.iso(sb, o.time());
        sb.append(',').append(1 + (int) (o.time() % 97)).append(',').append(o.level()).append(',');
        csv(o.message());
        emit(s, o.op(), o.time());
    }

    private void win(LogRecord.Win w) throws IOException {
        LogRecord.Channel c = w.channel();
        Stream s = current(c.file, 0);
        if (s == null) s = open(c.file, 0, hostDir + "/events/" + c.file, w.time(), null);
        long record = ++recordIds[c.ordinal()];
        sb.setLength(0);
        sb.append("{\"@timestamp\":\"");
        Times.iso(sb, w.time());
        sb.append("\",\"agent\":{\"type\":\"winlogbeat\",\"version\":\"7.10.2\"},\"ecs\":{\"version\":\"1.6.0\"},\"host\":{");
        Json.field(sb, "name", host.name()).append("},\"event\":{\"code\":\"").append(w.eventId()).append("\",");
        Json.field(sb, "provider", w.provider()).append("},\"winlog\":{");
        Json.field(sb, "channel", c.channel).append(",\"event_id\":").append(w.eventId()).append(',');
        Json.field(sb, "computer_name", host.name()).append(',');
        Json.field(sb, "provider_name", w.provider()).append(",\"record_id\":").append(record).append(",\"event_data\":{");
        String[] d = w.data();
        for (int i = 0; i + 1 < d.length; i += 2) {
            if (i > 0) sb.append(',');
            Json.field(sb, d[i], d[i + 1]);
        }
        sb.append("}}}");
        emit(s, w.op(), w.time());
    }

    @Override
    public void close() throws IOException {
        // In the order the files were started, so that a zip's entries are in the same order every run.
        List<Stream> open = new java.util.ArrayList<>(streams.values());
        open.sort(java.util.Comparator.comparing((Stream s) -> s.rel));
        for (Stream s : open) s.flush(files);
        streams.clear();
    }
}
