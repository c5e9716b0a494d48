package kahu.detect.sigma;

import kahu.ingest.Event;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Correlation rules (event_count, value_count, temporal, temporal_ordered) over a stream of matches. */
class SigmaCorrelationTest {
    static final String BASE = """
            title: Failed logon
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource: {product: windows, service: security}
            detection:
                selection:
                    EventID: 4625
                condition: selection
            ---
            title: Successful logon
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            name: successful_login
            logsource: {product: windows, service: security}
            detection:
                selection:
                    EventID: 4624
                condition: selection
            """;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Setup(SigmaEngine engine, SigmaCorrelator correlator) {
        List<CorrelationMatch> run(List<Event> events) {
            List<CorrelationMatch> out = new ArrayList<>();
            for (Event e : events) engine.match(e, m -> correlator.accept(m, out::add));
            return out;
        }
    }

    static Setup setup(String correlation) throws Exception {
        SigmaRuleLoader.FileContent c = new SigmaRuleLoader(Map.of()).parseFile(Path.of("mr_test.yml"), BASE + "---\n" + correlation);
        SigmaCorrelator correlator = SigmaCorrelator.compile(c.correlations(), c.rules());
        assertThat(correlator.rejected()).isEmpty();
        return new Setup(SigmaEngine.compile(c.rules()), correlator);
    }

    static Event logon(long eventId, int secondsAfter, String user, String source) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Channel", "Security");
        f.put("EventID", eventId);
        f.put("TargetUserName", user);
        f.put("IpAddress", source);
        return new Event("t", secondsAfter, "windows-json", T0.plusSeconds(secondsAfter), f, Map.of());
    }

    @Test
    void eventCountPerGroupWithinTheTimespan() throws Exception {
        Setup s = setup("""
                title: Many failed logons
                correlation:
                    type: event_count
                    rules: [failed_login]
                    group-by: [TargetUserName]
                    timespan: 1m
                    condition: {gte: 3}
                """);
        List<CorrelationMatch> fired = s.run(List.of(
                logon(4625, 0, "alice", "a"), logon(4625, 10, "bob", "a"), logon(4625, 20, "alice", "a"),
                logon(4625, 70, "alice", "a"), // the first alice is out of the minute: 2 in [10, 70]
                logon(4625, 75, "alice", "a"))); // 3 within [15, 75]
        assertThat(fired).singleElement().satisfies(m -> {
            assertThat(m.group()).containsEntry("TargetUserName", "alice");
            assertThat(m.matches()).hasSize(3);
            assertThat(m.first()).isEqualTo(T0.plusSeconds(20));
        });
    }

    @Test
    void valueCountCountsDistinctValues() throws Exception {
        Setup s = setup("""
                title: Password spray
                correlation:
                    type: value_count
                    rules: [failed_login]
                    group-by: [IpAddress]
                    timespan: 1h
                    condition: {field: TargetUserName, gt: 2}
                """);
        assertThat(s.run(List.of(logon(4625, 0, "a", "10.0.0.1"), logon(4625, 1, "a", "10.0.0.1"),
                logon(4625, 2, "b", "10.0.0.1"), logon(4625, 3, "c", "10.0.0.2")))).isEmpty();
        assertThat(s.run(List.of(logon(4625, 4, "c", "10.0.0.1")))).singleElement()
                .satisfies(m -> assertThat(m.group()).containsEntry("IpAddress", "10.0.0.1"));
    }

    @Test
    void temporalNeedsEveryRuleInTheWindowInAnyOrder() throws Exception {
        Setup s = setup("""
                title: Failure and success
                correlation:
                    type: temporal
                    rules: [failed_login, successful_login]
                    group-by: [TargetUserName]
                    timespan: 5m
                """);
        assertThat(s.run(List.of(logon(4624, 0, "alice", "x"), logon(4625, 60, "bob", "x")))).isEmpty();
        assertThat(s.run(List.of(logon(4625, 120, "alice", "x")))).hasSize(1);
    }

    @Test
    void temporalOrderedNeedsTheListedOrderAndChainsCorrelations() throws Exception {
        Setup s = setup("""
                title: Brute force then success
                correlation:
                    type: temporal_ordered
                    rules: [many_failed, successful_login]
                    group-by: [TargetUserName]
                    timespan: 10m
                ---
                title: Many failed
                name: many_failed
                correlation:
                    type: event_count
                    rules: [failed_login]
                    group-by: [TargetUserName]
                    timespan: 10m
                    condition: {gte: 2}
                """);
        // success first, then the failures: wrong order for the outer correlation
        List<CorrelationMatch> first = s.run(List.of(logon(4624, 0, "alice", "x"), logon(4625, 10, "alice", "x"), logon(4625, 20, "alice", "x")));
        assertThat(first).extracting(m -> m.correlation().title()).containsExactly("Many failed");
        List<CorrelationMatch> then = s.run(List.of(logon(4624, 30, "alice", "x")));
        assertThat(then).singleElement().satisfies(m -> {
            assertThat(m.correlation().title()).isEqualTo("Brute force then success");
            assertThat(m.matches()).hasSize(3); // two failures (through the chain) and the success
        });
        assertThat(s.correlator().alertsAlone(s.engine().rules().getFirst())).isFalse();
    }

    @Test
    void aliasesGroupDifferentFieldsTogether() throws Exception {
        Setup s = setup("""
                title: Same address
                correlation:
                    type: temporal
                    rules: [failed_login, successful_login]
                    group-by: [address]
                    timespan: 1m
                    aliases:
                        address:
                            failed_login: IpAddress
                            successful_login: TargetUserName
                """);
        assertThat(s.run(List.of(logon(4625, 0, "u", "10.0.0.9"), logon(4624, 5, "10.0.0.9", "other")))).singleElement()
                .satisfies(m -> assertThat(m.group()).containsEntry("address", "10.0.0.9"));
    }

    @Test
    void badCorrelationsAreRejectedWithEveryReason() {
        assertThatThrownBy(() -> new SigmaRuleLoader(Map.of()).parseFile(Path.of("bad.yml"), BASE + """
                ---
                title: Bad
                correlation:
                    type: event_sum
                    rules: []
                    timespan: 1w
                    condition: {lt: 3}
                """)).hasMessageContaining("document 3").hasMessageContaining("event_sum")
                .hasMessageContaining("names no rules").hasMessageContaining("timespan '1w'");
        assertThatThrownBy(() -> new SigmaRuleLoader(Map.of()).parseFile(Path.of("bad.yml"), BASE + """
                ---
                title: Fewer than
                correlation: {type: event_count, rules: [failed_login], timespan: 1h, condition: {lt: 3}}
                """)).hasMessageContaining("end-of-window");
        SigmaCorrelation unknown = new SigmaCorrelation(null, null, "x", null, SigmaCorrelation.Type.EVENT_COUNT, List.of("nope"),
                List.of(), Duration.ofMinutes(1), List.of(new SigmaCorrelation.Bound(SigmaCorrelation.Op.GTE, 1)), null, Map.of(), false, Path.of("x.yml"));
        assertThat(SigmaCorrelator.compile(List.of(unknown), List.of()).rejected()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("unknown rules [nope]"));
    }
}
