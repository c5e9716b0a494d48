package kahu.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import kahu.ingest.Event;
import kahu.ingest.LogFormat;
import kahu.ingest.LogFormatDetector;
import kahu.ingest.LogIngest;
import kahu.ingest.ReadProblem;
import kahu.ingest.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every log the simulator writes is detected as the format it is meant to be and read by kahu.ingest without a problem. */
class SimulatedLogsReadTest {
    final SimulatedRun run = SimulatedRun.get();

    @Test
    void everyFormatIsDetectedAsIntendedAndReadCleanly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(run.dir.resolve("logs"))) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".aspx")).sorted().toList();
        }
        Map<String, Integer> formats = new HashMap<>();
        List<ReadProblem> problems = new ArrayList<>();
        Map<String, Event> byLocation = new HashMap<>();
        LogIngest ingest = new LogIngest();
        for (Path f : files) {
            String p = f.toString().replace('\\', '/');
            LogFormat expected = p.contains("/inetpub/logs/LogFiles/") ? LogFormat.IIS_W3C
                    : p.contains("/Logging/") ? LogFormat.EXCHANGE_CSV
                    : p.contains("/events/") ? LogFormat.WINLOGBEAT_JSON : LogFormat.UNKNOWN;
            assertThat(LogFormatDetector.detect(Source.of(f))).as(p).isEqualTo(expected).isNotEqualTo(LogFormat.UNKNOWN);
            ingest.read(Source.of(f), e -> {
                formats.merge(e.format(), 1, Integer::sum);
                byLocation.put(run.dir.relativize(Path.of(e.source())).toString().replace('\\', '/') + ":" + e.record(), e);
            }, problems::add);
        }
        assertThat(problems).isEmpty();
        assertThat(formats).containsKeys("iis", "exchange-httpproxy", "exchange-ecp-server", "exchange-oabgeneratorlog", "winlogbeat");
        // Ground truth locations are Event.location() suffixes, and Sigma's Windows field names resolve on the events.
        Set<String> seenSysmonFields = new HashSet<>();
        for (JsonNode op : run.truth.get("operations")) {
            for (JsonNode loc : op.get("events")) {
                Event e = byLocation.get(loc.asText());
                assertThat(e).as(loc.asText()).isNotNull();
                assertThat(e.location()).endsWith(loc.asText());
                assertThat(e.timestamp()).isNotNull();
                if (e.format().equals("winlogbeat") && Long.valueOf(1).equals(e.get("EventID"))) {
                    assertThat(e.text("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
                    for (String field : List.of("Image", "CommandLine", "ParentImage", "User", "ParentCommandLine"))
                        if (e.text(field) != null) seenSysmonFields.add(field);
                }
            }
        }
        assertThat(seenSysmonFields).contains("Image", "CommandLine", "ParentImage", "User", "ParentCommandLine");
    }

    @Test
    void httpProxyRowsHaveTheSeventyFourColumnsAndSsrfShowsInAnchorMailbox() throws IOException {
        Path any;
        try (Stream<Path> s = Files.walk(run.dir.resolve("logs"))) {
            any = s.filter(p -> p.toString().contains("HttpProxy" + java.io.File.separator + "Ecp")).filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        List<Event> events = new ArrayList<>();
        new LogIngest().read(Source.of(any), events::add, p -> { });
        assertThat(Files.readAllLines(any).get(4)).startsWith("#Fields: DateTime,RequestId,").endsWith(",PartitionEndpointLookupLatency,RoutingStatus");
        assertThat(Files.readAllLines(any).get(4).split(",")).hasSize(74);
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.text("DateTime")).isNotNull());
    }
}
