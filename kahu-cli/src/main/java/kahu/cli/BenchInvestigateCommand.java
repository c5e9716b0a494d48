package kahu.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.evaluate.GroundTruth;
import kahu.evaluate.InvestigationScore;
import kahu.investigate.InvestigationResult;
import kahu.knowledge.KnowledgeBase;
import kahu.simulate.Scenario;
import kahu.simulate.ScenarioLoader;
import kahu.simulate.SimulationSummary;
import kahu.simulate.Simulator;
import kahu.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kahu bench investigate}: simulate a scenario, investigate its logs into a fresh in-memory
 * database, and score the result against the simulator's ground truth (which the investigation never sees).
 */
@Command(name = "investigate", mixinStandardHelpOptions = true,
        description = "Score the investigation pipeline against a simulated scenario's ground truth.")
final class BenchInvestigateCommand implements Callable<Integer> {
    static final double RECALL = 0.98, PRECISION = 0.98, INCIDENT_TOP1 = 0.90, ARI = 0.90;
    static final int MIN_DETECTIONS = 3;

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--scenario", defaultValue = "exchange-2021", paramLabel = "NAME|FILE")
    String scenario;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--servers", paramLabel = "N", description = "Exchange servers (default: the scenario's).")
    Integer servers;

    @Option(names = "--keep", paramLabel = "DIR", description = "Simulate into this folder and keep it (default: a temporary folder, deleted).")
    Path keep;

    @Option(names = "--telemetry", paramLabel = "DIR",
            description = "Score an earlier simulation kept in DIR (by --keep or kahu simulate) instead of simulating again.")
    Path telemetry;

    @Option(names = "--layout", defaultValue = "folders", paramLabel = "folders|zip",
            description = "How the simulation is written: a folder per server, or one triage zip per server.")
    String layout;

    @Option(names = "--kb", arity = "1..*", paramLabel = "PATH", description = "Knowledge files to import in memory (default: the stored knowledge base).")
    List<Path> kb = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    String format;

    @Override
    public Integer call() throws Exception {
        kahu.simulate.Layout chosen = SimulateCommand.layout(layout);
        if (chosen == null) return Main.BAD_INPUT;
        if (telemetry != null && !Files.isRegularFile(telemetry.resolve("ground-truth.json"))) {
            System.err.println("kahu: --telemetry: no ground-truth.json in " + telemetry + " (keep a simulation with --keep or kahu simulate)");
            return Main.BAD_INPUT;
        }
        KnowledgeBase knowledge = KnowledgeSource.load(kb, bench.main.dbUrl());
        Path dir = telemetry != null ? telemetry : keep != null ? keep : Files.createTempDirectory("kahu-bench-investigate");
        long start = System.nanoTime();
        try {
            SimulationSummary sim;
            if (telemetry != null) {
                sim = earlier(telemetry);
            } else {
                Scenario s = ScenarioLoader.load(scenario, knowledge);
                sim = new Simulator(s, knowledge, chosen).run(dir, servers, seed, (d, t, b) -> { });
            }
            String url = Database.inMemoryUrl("bench");
            InvestigationResult r;
            try (Database db = Database.open(url)) {
                r = InvestigationRunner.run(knowledge, List.of(dir), List.of(), List.of(), db, Duration.ofHours(24),
                        new PrintStream(PrintStream.nullOutputStream()));
            }
            InvestigationScore score = InvestigationScore.of(r, GroundTruth.read(dir.resolve("ground-truth.json")), dir, knowledge,
                    MIN_DETECTIONS);
            double seconds = (System.nanoTime() - start) / 1e9;
            print(sim, r, score, knowledge, seconds);
            boolean met = score.recall() >= RECALL && score.precision() >= PRECISION && score.incidentTop1() >= INCIDENT_TOP1
                    && score.ari() >= ARI;
            return met ? Main.OK : Main.NOT_FOUND;
        } finally {
            if (keep == null && telemetry == null) deleteTree(dir);
        }
    }

    private void print(SimulationSummary sim, InvestigationResult r, InvestigationScore s, KnowledgeBase knowledge, double seconds) {
        if (format.equals("json")) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("scenario", sim.scenario());
            o.put("seed", sim.seed());
            o.put("organisations", sim.organisations());
            o.put("servers", sim.servers());
            o.put("actors_in_knowledge_base", knowledge.actors().size());
            ObjectNode d = o.putObject("detection");
            d.put("recall", round(s.recall()));
            d.put("precision", round(s.precision()));
            d.put("true_positives", s.truePositives());
            d.put("false_positives", s.falsePositives());
            d.put("false_negatives", s.falseNegatives());
            ObjectNode a = o.putObject("attribution");
            a.put("incident_top1", round(s.incidentTop1()));
            a.put("incidents_scored", s.incidentsScored());
            a.put("incident_top1_own_evidence", round(s.incidentTop1Own()));
            a.put("compromise_top1", round(s.compromiseTop1()));
            a.put("compromises_scored", s.compromisesScored());
            a.put("named_top1", round(s.namedTop1()));
            a.put("incidents_named", s.incidentsNamed());
            a.put("campaign_top1", round(s.campaignTop1()));
            a.put("campaigns_scored", s.campaignsScored());
            ObjectNode c = o.putObject("clustering");
            c.put("ari", round(s.ari()));
            c.put("incidents", s.incidentsClustered());
            c.put("campaigns_found", r.campaigns().size());
            ObjectNode t = o.putObject("targets_met");
            t.put("recall", s.recall() >= RECALL);
            t.put("precision", s.precision() >= PRECISION);
            t.put("incident_top1", s.incidentTop1() >= INCIDENT_TOP1);
            t.put("ari", s.ari() >= ARI);
            o.set("confusions", Json.MAPPER.valueToTree(s.confusions()));
            o.set("campaigns", Json.MAPPER.valueToTree(s.campaignChecks()));
            o.put("events", r.scan().events());
            o.put("seconds", Math.round(seconds * 10) / 10.0);
            System.out.println(Json.pretty(o));
        } else {
            System.out.printf("Scenario %s, seed %d: %d organisations, %d servers, %,d events; %.1f s%n", sim.scenario(), sim.seed(),
                    sim.organisations(), sim.servers(), r.scan().events(), seconds);
            System.out.printf("Detection per organisation: recall %.3f, precision %.3f (TP %d, FP %d, FN %d)   targets %.2f / %.2f%n",
                    s.recall(), s.precision(), s.truePositives(), s.falsePositives(), s.falseNegatives(), RECALL, PRECISION);
            System.out.printf("Attribution top-1: incidents with >= %d detections %.3f (%d; own evidence alone %.3f), campaigns %.3f (%d)   target %.2f%n",
                    MIN_DETECTIONS, s.incidentTop1(), s.incidentsScored(), s.incidentTop1Own(), s.campaignTop1(),
                    s.campaignsScored(), INCIDENT_TOP1);
            System.out.printf("  of them compromises (past an attempt): %.3f (%d); named (an actor at \"realistic possibility\" or above): %.3f (%d)%n",
                    s.compromiseTop1(), s.compromisesScored(), s.namedTop1(), s.incidentsNamed());
            System.out.printf("Clustering: adjusted Rand index %.3f over %d incidents, %d campaigns   target %.2f%n", s.ari(),
                    s.incidentsClustered(), r.campaigns().size(), ARI);
            if (!s.confusions().isEmpty()) System.out.println("Confusions (truth -> leading hypothesis): " + s.confusions());
            s.campaignChecks().forEach(c -> System.out.println("  " + c));
        }
    }

    /** What an earlier simulation was, from its ground truth and register (the events are counted again by the scan). */
    private static SimulationSummary earlier(Path dir) throws java.io.IOException {
        var truth = Json.MAPPER.readTree(dir.resolve("ground-truth.json").toFile());
        var register = Json.MAPPER.readTree(dir.resolve("organisations.json").toFile());
        int servers = 0;
        for (var o : register.path("organisations")) servers += o.path("hosts").size();
        return new SimulationSummary(truth.path("scenario").asText(), truth.path("seed").asLong(), truth.path("organisations").size(),
                servers, 0, java.util.Map.of(), truth.path("operations").size(), 0, 0, 0, 0);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
