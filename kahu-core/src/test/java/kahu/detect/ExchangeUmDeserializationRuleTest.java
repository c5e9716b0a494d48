package kahu.detect;

import kahu.detect.sigma.SigmaEngine;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.ingest.Event;
import kahu.ingest.LogIngest;
import kahu.ingest.ReadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in CVE-2021-26857 rule (an MSExchange Unified Messaging error with System.InvalidCastException) on both
 * renderings of the Application event: the Windows one carries {@code Level: 2}, a Winlogbeat/ECS document
 * {@code log.level: error} and no Level. A warning with the same text fires on neither.
 */
class ExchangeUmDeserializationRuleTest {
    private static final String ID = "4166e607-84b2-4300-97f6-1c17f1646256";
    private static final SigmaEngine ENGINE = SigmaEngine.compile(SigmaRuleLoader.load(BuiltInRules.folder()));
    private static final String TRACE = "An unhandled exception occurred in a UM worker process: System.InvalidCastException: "
            + "Unable to cast object of type 'System.Object' to type 'Microsoft.Exchange.UM.UMCore.UMMailboxPolicy'.";

    @TempDir
    Path dir;

    @Test
    void firesOnTheWindowsRenderingWithLevelTwo() {
        assertThat(fires(windows(2L))).isTrue();
        assertThat(fires(windows(3L))).as("a warning").isFalse();
    }

    @Test
    void firesOnTheWinlogbeatRenderingWithLogLevelError() throws IOException {
        assertThat(fires(winlogbeat("error"))).isTrue();
        assertThat(fires(winlogbeat("warning"))).as("a warning").isFalse();
    }

    private static boolean fires(Event e) {
        return ENGINE.matches(e).stream().anyMatch(m -> m.rule().id().equals(ID));
    }

    /** As the EVTX and Windows JSON readers give it: System fields by their Windows names. */
    private static Event windows(long level) {
        return new Event("Application.evtx", 7, "evtx", null, Map.of("Channel", "Application", "EventID", 1001L,
                "Provider_Name", "MSExchange Unified Messaging", "Level", level, "Data", TRACE), Map.of());
    }

    /** A Winlogbeat document as shipped (one NDJSON line), through the real reader. */
    private Event winlogbeat(String level) throws IOException {
        Path file = Files.writeString(dir.resolve("winlogbeat-" + level + ".ndjson"), """
                {"@timestamp":"2021-03-02T23:18:02.000Z","agent":{"type":"winlogbeat"},"ecs":{"version":"1.12.0"},\
                "log":{"level":"%s"},"event":{"code":"1001","provider":"MSExchange Unified Messaging"},\
                "winlog":{"channel":"Application","event_id":1001,"provider_name":"MSExchange Unified Messaging",\
                "record_id":4242,"computer_name":"EXCH01","event_data":{"param1":"%s"}},"message":"%s"}
                """.formatted(level, TRACE, TRACE));
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        new LogIngest().read(List.of(file), events::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.format()).isEqualTo("winlogbeat");
            assertThat(e.fields()).doesNotContainKey("Level").containsEntry("log.level", level);
        });
        return events.getFirst();
    }
}
