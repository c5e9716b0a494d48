package kahu.detect;

import kahu.detect.ioc.EventIndicators;
import kahu.detect.ioc.Indicator;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.CorrelationMatch;
import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.SigmaCorrelator;
import kahu.detect.sigma.SigmaEngine;
import kahu.detect.sigma.SigmaMatch;
import kahu.detect.webshell.WebShellFinding;
import kahu.detect.webshell.WebShellScanner;
import kahu.ingest.Event;
import kahu.ingest.LogIngest;
import kahu.ingest.LogSources;
import kahu.ingest.ReadSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code kahu scan}: every log under the given paths through the compiled Sigma rules and the indicator
 * set, and every page file through the web-shell scanner, as one stream of {@link Detection}s. The rules
 * and indicators are compiled once, before the first event.
 */
public final class ScanPipeline {
    private final LogIngest ingest;
    private final SigmaEngine rules;
    private final SigmaCorrelator correlator;
    private final LoadResult loaded;
    private final IndicatorSet indicators;
    private final EventIndicators eventIndicators;
    private final WebShellScanner webShells;

    public ScanPipeline(LogIngest ingest, LoadResult loaded, IndicatorSet indicators, Instant installedAt) {
        this.ingest = ingest;
        this.loaded = loaded;
        this.rules = SigmaEngine.compile(loaded);
        this.correlator = SigmaCorrelator.compile(loaded.correlations(), loaded.loaded());
        this.indicators = indicators;
        this.eventIndicators = EventIndicators.of(indicators);
        this.webShells = new WebShellScanner(installedAt);
    }

    /** Told after each file, for a progress bar: bytes and events so far. */
    public interface Progress {
        Progress NONE = (file, bytes, events) -> { };

        void fileDone(String file, long bytesSoFar, long eventsSoFar);
    }

    public ScanSummary scan(List<Path> paths, Consumer<Detection> out) {
        return scan(paths, out, Progress.NONE);
    }

    public ScanSummary scan(List<Path> paths, Consumer<Detection> out, Progress progress) {
        List<String> problems = new ArrayList<>();
        Tally tally = new Tally(out);
        Consumer<SigmaMatch> onRuleMatch = m -> {
            // A rule that only feeds correlations (and does not say generate) is not an alert of its own.
            if (correlator.alertsAlone(m.rule())) tally.accept(fromSigma(m));
            correlator.accept(m, c -> tally.accept(fromCorrelation(c)));
        };
        // Built once per scan, not per event: the hot loop allocates only for what matched.
        Consumer<Event> detect = e -> {
            rules.match(e, onRuleMatch);
            List<Indicator> hits = eventIndicators.matches(e);
            for (int i = 0; i < hits.size(); i++) tally.accept(fromIndicator(hits.get(i), e));
        };
        List<ReadSummary> read = new ArrayList<>();
        long[] totals = {0, 0}; // bytes, events so far: kept as we go, not re-summed per file
        // Page files (.aspx, …) are the web-shell scanner's, not logs.
        LogSources.walk(paths, source -> {
            if (!WebShellScanner.isPageName(source.name())) {
                ReadSummary r = ingest.read(source, detect, p -> problems.add(p.toString()));
                read.add(r);
                totals[0] += r.bytes();
                totals[1] += r.events();
                progress.fileDone(source.name(), totals[0], totals[1]);
            }
        }, p -> problems.add(p.toString()));
        // Folders, and zips given on their own (a host's triage archive): the scanner looks inside both.
        List<Path> folders = paths.stream().filter(p -> Files.isDirectory(p)
                || (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip"))).toList();
        for (WebShellFinding f : webShells.scan(folders, problems::add)) tally.accept(fromWebShell(f));
        long events = 0, bytes = 0, skipped = 0;
        Map<String, Long> skippedByFile = new LinkedHashMap<>();
        for (ReadSummary s : read) {
            events += s.events();
            bytes += s.bytes();
            skipped += s.skipped();
            if (s.skipped() > 0) skippedByFile.put(s.source(), s.skipped());
        }
        List<String> rejected = loaded.rejected().stream().map(r -> r.file() + ": " + r.reason()).toList();
        return new ScanSummary(read.size(), events, bytes, skipped, problems, tally.detections, tally.byRule, tally.byLevel, tally.byHost,
                loaded.loaded().size(), rejected, indicators.size(), skippedByFile, PeakMemory.now());
    }

    /** Counts detections by rule, level and host for the summary, and passes each on. */
    private static final class Tally implements Consumer<Detection> {
        private final Consumer<Detection> out;
        final Map<String, Long> byRule = new TreeMap<>(), byLevel = new TreeMap<>(), byHost = new TreeMap<>();
        long detections;

        Tally(Consumer<Detection> out) {
            this.out = out;
        }

        @Override
        public void accept(Detection d) {
            detections++;
            byRule.merge(d.title(), 1L, Long::sum);
            byLevel.merge(d.level(), 1L, Long::sum);
            byHost.merge(d.host() == null ? "-" : d.host(), 1L, Long::sum);
            out.accept(d);
        }
    }

    static Detection fromSigma(SigmaMatch m) {
        Event e = m.event();
        return new Detection("sigma", m.rule().id(), m.rule().title(), m.rule().level(), e.timestamp(), m.rule().techniques(),
                observables(e), host(e), e.location(), null);
    }

    static Detection fromCorrelation(CorrelationMatch c) {
        List<String> techniques = c.matches().stream().flatMap(m -> m.rule().techniques().stream()).distinct().toList();
        SigmaMatch last = c.matches().getLast();
        Map<String, List<String>> obs = observables(last.event());
        c.group().forEach((k, v) -> obs.put("group:" + k, List.of(v)));
        return new Detection("sigma-correlation", c.correlation().id(), c.correlation().title(),
                c.correlation().level() == null ? "medium" : c.correlation().level(), c.last(), techniques, obs, host(last.event()),
                last.event().location(), null);
    }

    static Detection fromIndicator(Indicator i, Event e) {
        return new Detection("indicator", i.type().name().toLowerCase(java.util.Locale.ROOT) + ":" + i.value(),
                "Known indicator " + i.value() + (i.actorKey() == null ? "" : " (" + i.actorKey() + ")"), "high", e.timestamp(),
                List.of(), observables(e), host(e), e.location(), i.actorKey());
    }

    static Detection fromWebShell(WebShellFinding f) {
        Map<String, List<String>> obs = new LinkedHashMap<>();
        obs.put("file:path", List.of(f.file().toString()));
        obs.put("file:sha256", List.of(f.sha256()));
        obs.put("file:size", List.of(Long.toString(f.size())));
        return new Detection("webshell", "webshell", "Web shell: " + String.join("; ", f.reasons()), f.level(), f.modified(),
                f.techniques(), obs, null, f.file().toString(), null);
    }

    /** The attacker's observables an analyst needs next: address, user agent, mailbox, URL, user, process. */
    static Map<String, List<String>> observables(Event e) {
        Map<String, List<String>> obs = new LinkedHashMap<>();
        put(obs, "ipv4-addr", first(e, "source.ip", "c-ip", "ClientIpAddress", "IpAddress", "SourceIp"));
        put(obs, "user-agent", first(e, "user_agent.original", "cs(User-Agent)", "UserAgent"));
        put(obs, "mailbox", first(e, "exchange.anchor_mailbox", "AnchorMailbox"));
        put(obs, "url-path", first(e, "url.path", "cs-uri-stem", "UrlStem"));
        put(obs, "user-account", first(e, "user.name", "cs-username", "AuthenticatedUser", "User", "TargetUserName"));
        put(obs, "process:command_line", first(e, "process.command_line", "CommandLine"));
        return obs;
    }

    private static String host(Event e) {
        return first(e, "host.name", "Computer", "s-computername", "ServerHostName", "s-ip");
    }

    private static String first(Event e, String... names) {
        for (String n : names) {
            Object v = e.normalized().get(n);
            if (v == null) v = e.get(n);
            if (v != null && !String.valueOf(v).isBlank() && !"-".equals(v)) return String.valueOf(v);
        }
        return null;
    }

    private static void put(Map<String, List<String>> obs, String key, String value) {
        if (value != null) obs.put(key, List.of(value));
    }
}
