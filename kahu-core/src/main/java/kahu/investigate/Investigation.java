package kahu.investigate;

import kahu.attribution.Assessment;
import kahu.attribution.AttributionModel;
import kahu.attribution.Evidence;
import kahu.attribution.EvidenceExtractor;
import kahu.correlate.Campaign;
import kahu.correlate.CampaignLinker;
import kahu.correlate.Finding;
import kahu.correlate.FindingCompactor;
import kahu.correlate.Incident;
import kahu.correlate.IncidentEvidence;
import kahu.correlate.IncidentGrouper;
import kahu.correlate.Organisation;
import kahu.correlate.OrganisationRegister;
import kahu.detect.Detection;
import kahu.detect.ScanPipeline;
import kahu.detect.ScanSummary;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.LoadResult;
import kahu.detect.sigma.SigmaRule;
import kahu.detect.webshell.WebShellScanner;
import kahu.knowledge.KnowledgeBase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code kahu investigate}: the whole pipeline. Scan the logs (rules, indicators, web shells), place each
 * detection at its organisation and store it, then, over every stored detection, group incidents, link
 * campaigns, attribute both, and replace the derived tables. The model and rules are built once.
 */
public final class Investigation {
    private static final Pattern SOFTWARE_TAG = Pattern.compile("attack\\.(s\\d{4})");
    /** Scanning threads: the cores, and at least two, since reading many small files waits on the disk. */
    static final int SCAN_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final Pattern CVE_TAG = Pattern.compile("cve\\.(\\d{4}-\\d{4,})");

    /** Told what the pipeline is doing, for a progress display. */
    public interface Progress {
        Progress NONE = new Progress() {};

        default void step(String what) {}

        default ScanPipeline.Progress scan() {
            return ScanPipeline.Progress.NONE;
        }
    }

    private final LoadResult rules;
    private final IndicatorSet indicators;
    private final Duration gap;
    private final AttributionModel model;
    private final IncidentEvidence evidence;
    private final Map<String, RuleTags> tagsById = new HashMap<>();

    public Investigation(KnowledgeBase kb, LoadResult rules, IndicatorSet indicators, Duration gap) {
        this.rules = rules;
        this.indicators = indicators;
        this.gap = gap;
        EvidenceExtractor extractor = new EvidenceExtractor(kb);
        this.evidence = new IncidentEvidence(extractor);
        for (SigmaRule r : rules.loaded()) tagsById.putIfAbsent(r.id(), RuleTags.of(r));
        this.model = AttributionModel.forObservable(kb, observableTechniques(rules, extractor));
    }

    /**
     * What the evidence of this investigation can show: the techniques of the rules in use and of the
     * web-shell scanner, resolved as evidence is (a revoked ID tagged by an old rule counts as its
     * replacement). The model weighs actors' profiles over these only.
     */
    static Set<String> observableTechniques(LoadResult rules, EvidenceExtractor extractor) {
        Set<String> tagged = new TreeSet<>(WebShellScanner.TECHNIQUES);
        for (SigmaRule r : rules.loaded()) tagged.addAll(r.techniques());
        Set<String> out = new HashSet<>();
        List<String> ignored = new ArrayList<>();
        for (String t : tagged) {
            Evidence e = extractor.technique(t, "rules in use", null, ignored);
            if (e != null) out.add(e.value());
        }
        return out;
    }

    public InvestigationResult run(List<Path> inputs, InvestigationStore store, Progress progress) throws IOException {
        Instant started = Instant.now();
        Timer timer = new Timer();
        List<String> problems = new ArrayList<>();
        timer.lap();
        progress.step("reading the constituency register");
        timer.start("register");
        OrganisationRegister register = OrganisationRegister.find(inputs, problems);
        if (register.organisations().isEmpty()) {
            problems.add("no " + OrganisationRegister.FILE_NAME + " found beside the inputs: every detection goes to \"unknown organisation\"");
        }
        store.putOrganisations(register.organisations());

        timer.lap();
        progress.step("scanning");
        timer.start("scan");
        // Findings go to the store in batches as the scan makes them: memory does not hold the scan's output.
        FindingSpool spool = new FindingSpool(store);
        ScanSummary scan = new ParallelScan(rules, indicators, SCAN_THREADS)
                .scan(logInputs(inputs), d -> spool.add(place(d, register)), progress.scan());
        problems.addAll(scan.problems());

        timer.lap();
        progress.step("storing the last detections");
        timer.start("store detections");
        long added = spool.finish();

        timer.lap();
        progress.step("grouping incidents and linking campaigns");
        timer.start("incidents and campaigns");
        Map<String, Organisation> orgs = new LinkedHashMap<>(store.organisations());
        for (Organisation o : register.organisations()) orgs.put(o.id(), o);
        OrganisationRegister known = new OrganisationRegister(List.copyOf(orgs.values()));
        // One organisation's stored detections at a time, compacted: only the incidents' findings stay.
        IncidentGrouper grouper = new IncidentGrouper(gap);
        FindingCompactor compactor = new FindingCompactor();
        List<Incident> incidents = new ArrayList<>();
        long stored = store.forEachOrganisation(compactor::compact, of -> incidents.addAll(grouper.groupUnsorted(of, known)));
        incidents.sort(IncidentGrouper.ORDER);
        CampaignLinker.Result linked = new CampaignLinker().link(incidents, orgs.size());

        timer.lap();
        progress.step("attributing " + incidents.size() + " incidents and " + linked.campaigns().size() + " campaigns");
        timer.start("attribution");
        Map<String, Assessment> ofCampaigns = new LinkedHashMap<>();
        for (Campaign c : linked.campaigns()) ofCampaigns.put(c.id(), model.assess(evidence.of(c)));
        timer.lap();
        progress.step("storing incidents, campaigns and assessments");
        timer.start("store derived");
        // Incidents are assessed as they are stored (attribution time is in "store derived" from here on).
        Map<String, Assessment> assessments = store.replaceDerived(incidents, linked.campaigns(), i -> model.assess(evidence.of(i)),
                ofCampaigns, Investigation::summary);
        store.recordRun(started, inputs.stream().map(Path::toString).toList(), scan.events(), scan.detections(), problems);
        Statistics stats = Statistics.of(store.statsRows(), null, null);
        timer.lap();
        return new InvestigationResult(inputs.stream().map(Path::toString).toList(), orgs, scan, added, stored, incidents,
                linked.campaigns(), assessments, linked.tooCommon(), problems, stats, timer.seconds);
    }

    /**
     * The inputs to scan: a folder holding the register is scanned entry by entry without the register
     * itself and without a {@code ground-truth.json} (a simulator's answers, for evaluation only: the
     * investigation must never read them).
     */
    static List<Path> logInputs(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (java.nio.file.Files.isDirectory(p) && java.nio.file.Files.isRegularFile(p.resolve(OrganisationRegister.FILE_NAME))) {
                try (var entries = java.nio.file.Files.list(p)) {
                    entries.sorted().filter(e -> !NOT_LOGS.contains(e.getFileName().toString())).forEach(out::add);
                }
            } else if (!NOT_LOGS.contains(p.getFileName() == null ? "" : p.getFileName().toString())) {
                out.add(p);
            }
        }
        return out;
    }

    private static final java.util.Set<String> NOT_LOGS = java.util.Set.of(OrganisationRegister.FILE_NAME, "ground-truth.json");

    /** Seconds per step, in order, for `--timings` and the scale benchmark. */
    private static final class Timer {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        private String step;
        private long since;

        void start(String name) {
            step = name;
            since = System.nanoTime();
        }

        void lap() {
            if (step != null) seconds.merge(step, (System.nanoTime() - since) / 1e9, Double::sum);
            step = null;
        }
    }

    /**
     * What the result keeps of an incident's assessment (the store has more: five hypotheses with their evidence weights, the ACH matrix): the leading hypotheses,
     * the probabilities, confidence and statement, which reports and scores read; not every actor's
     * contributions, the ACH matrix or the sensitivity checks.
     */
    static Assessment summary(Assessment a) {
        List<kahu.attribution.Hypothesis> leading = a.hypotheses().stream().limit(3)
                .map(h -> new kahu.attribution.Hypothesis(h.key(), h.actor(), h.attackId(), h.aliases(), h.sponsor(), h.probability(), h.phia(),
                        h.icd203(), List.of()))
                .toList();
        return new Assessment(a.subject(), leading, a.otherActorsProbability(), a.unknownActorProbability(), a.unknownPhia(), a.confidence(),
                a.statement(), new kahu.attribution.AchMatrix(List.of(), List.of()), a.sensitivity(), List.of(), a.warnings());
    }

    private Finding place(Detection d, OrganisationRegister register) {
        Organisation org = register.resolve(d.host(), d.location());
        String host = register.hostOf(d.host(), d.location());
        RuleTags tags = tagsById.getOrDefault(d.ruleId(), RuleTags.NONE);
        return Finding.of(org, host, d, tags.software(), tags.cves());
    }

    /** A rule's software and CVE tags, read once per rule rather than by two regular expressions per detection. */
    private record RuleTags(List<String> software, List<String> cves) {
        static final RuleTags NONE = new RuleTags(List.of(), List.of());

        static RuleTags of(SigmaRule rule) {
            List<String> software = new ArrayList<>(), cves = new ArrayList<>();
            for (String tag : rule.tags()) {
                String t = tag.toLowerCase(Locale.ROOT);
                var s = SOFTWARE_TAG.matcher(t);
                if (s.matches()) software.add(s.group(1).toUpperCase(Locale.ROOT));
                var c = CVE_TAG.matcher(t);
                if (c.matches()) cves.add("CVE-" + c.group(1));
            }
            return new RuleTags(List.copyOf(software), List.copyOf(cves));
        }
    }
}
