package kahu.bench;

import kahu.detect.sigma.SigmaEngine;
import kahu.detect.sigma.SigmaRule;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.ingest.Event;
import kahu.ingest.WindowsEventJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Matching every Windows Sigma rule of the public rule set (about 2,870) against the events of
 * the Sigma regression data (the JSON renderings, 238 events), per event. Baselines in the same
 * run: merely parsing the same JSON into events, and testing every rule on every event without
 * the log-source / event-ID index.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigmaBench {
    /** Events in the JSON renderings of the regression data; checked in {@link #load()}. */
    static final int EVENTS = 238;

    private SigmaEngine engine;
    private List<SigmaRule> rules;
    private List<Event> events;
    private List<byte[]> json;

    @Setup
    public void load() throws IOException {
        Path sigma = BenchData.root().resolve("sigma");
        rules = SigmaRuleLoader.load(sigma.resolve("rules"), sigma.resolve("rules-emerging-threats"),
                        sigma.resolve("rules-threat-hunting"), sigma.resolve("rules-placeholder"), sigma.resolve("rules-compliance"))
                .loaded().stream().filter(r -> "windows".equalsIgnoreCase(r.logsource().product())).toList();
        engine = SigmaEngine.compile(rules);
        events = new ArrayList<>();
        json = new ArrayList<>();
        try (Stream<Path> s = Files.walk(sigma.resolve("regression_data"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                json.add(Files.readAllBytes(p));
                events.addAll(WindowsEventJson.read(p));
            }
        }
        if (events.size() != EVENTS) throw new IllegalStateException("expected " + EVENTS + " events, found " + events.size());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void matchIndexed(Blackhole bh) {
        for (Event e : events) engine.match(e, bh::consume);
    }

    /** Baseline: every rule's detection on every event, no index (what the index saves). */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void baselineEveryRuleEveryEvent(Blackhole bh) {
        for (Event e : events) {
            for (SigmaRule r : rules) bh.consume(r.matches(e));
        }
    }

    /** Baseline: only parsing the JSON renderings into events (what reading costs before detection). */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void baselineParseJson(Blackhole bh) throws IOException {
        for (byte[] b : json) bh.consume(WindowsEventJson.read("bench", new ByteArrayInputStream(b)));
    }
}
