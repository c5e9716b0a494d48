package kahu.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.attribution.ModelParameters;
import kahu.attribution.bench.AttributionBenchmark;
import kahu.attribution.bench.BenchmarkResult;
import kahu.attribution.bench.Metrics;
import kahu.attribution.bench.ParameterFit;
import kahu.attribution.bench.RankerResult;
import kahu.attribution.bench.ReliabilityBin;
import kahu.attribution.bench.ReliabilityDiagram;
import kahu.knowledge.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kahu bench attribution}: top-k accuracy and calibration on simulated incidents (issue 3). */
@Command(name = "attribution", mixinStandardHelpOptions = true,
        description = {"Simulates incidents from ATT&CK group profiles against a knowledge base with part of every actor's links "
                + "hidden, and reports top-1/3/5 accuracy, mean reciprocal rank, Brier score, expected calibration error and "
                + "confident errors for the model and two nearest-profile baselines.",
                "Writes attribution.json and reliability-k<K>.png to --out."})
final class BenchAttributionCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--kb", arity = "1..*", paramLabel = "PATH",
            description = "Import these ATT&CK/MISP files or folders into a throw-away in-memory database and use that "
                    + "(default: the configured knowledge base).")
    List<Path> kb;

    @Option(names = "--k", split = ",", defaultValue = "3,5,10,20", description = "Techniques per incident (default: ${DEFAULT-VALUE}).")
    List<Integer> ks;

    @Option(names = "--noise", defaultValue = "0.2", description = "Unrelated techniques added, as a share of k (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--holdout", defaultValue = "0.2", description = "Share of every actor's technique and software links hidden (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--software-probability", defaultValue = "0.5", description = "Chance an incident shows one of the actor's software (default: ${DEFAULT-VALUE}).")
    double softwareProbability;

    @Option(names = "--seed", defaultValue = "1", description = "First seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "5", description = "Number of seeds; figures are averaged over them (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--diagram-k", defaultValue = "10", description = "The k the reliability diagram shows (default: ${DEFAULT-VALUE}).")
    int diagramK;

    @Option(names = "--technique-noise", description = "Model parameter techniqueNoise (default: the model's).")
    Double techniqueNoise;

    @Option(names = "--temperature", description = "Model parameter temperature (default: the model's).")
    Double temperature;

    @Option(names = "--unknown-prior", description = "Model parameter unknownPrior (default: the model's).")
    Double unknownPrior;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", defaultValue = "target/bench", description = "Folder for attribution.json and the diagram (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--fit", description = "Grid-search techniqueNoise, temperature and unknownPrior for the lowest log loss at k=10 "
            + "on calibration seeds 1001-1005 (never the evaluation seeds), and print the best.")
    boolean fit;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) throw new IllegalArgumentException("--format is text or json: " + format);
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be at least 1");
        ModelParameters p = ModelParameters.defaults();
        if (techniqueNoise != null) p = p.withTechniqueNoise(techniqueNoise);
        if (temperature != null) p = p.withTemperature(temperature);
        if (unknownPrior != null) p = p.withUnknownPrior(unknownPrior);
        AttributionBenchmark config = AttributionBenchmark.defaults().withKs(ks).withNoise(noise).withHoldout(holdout)
                .withSoftwareProbability(softwareProbability).withSeeds(AttributionBenchmark.seedsFrom(seed, seeds))
                .withParameters(p).withDiagramK(diagramK);

        long start = System.nanoTime();
        KnowledgeBase full = loadKnowledge();
        System.err.printf("kahu: knowledge base: %,d actors, %d ATT&CK groups with at least %d techniques (%.1f s)%n",
                full.actors().size(), AttributionBenchmark.groups(full).size(), AttributionBenchmark.MIN_TECHNIQUES,
                (System.nanoTime() - start) / 1e9);
        if (AttributionBenchmark.groups(full).isEmpty()) {
            throw new IllegalArgumentException("the knowledge base has no ATT&CK group with at least " + AttributionBenchmark.MIN_TECHNIQUES
                    + " techniques: import ATT&CK first (kahu kb import …) or pass --kb PATH");
        }
        if (fit) {
            ParameterFit.Result r = ParameterFit.fit(full, config, msg -> System.err.println("kahu: " + msg));
            printFit(r);
            return Main.OK;
        }
        BenchmarkResult result = config.run(full, msg -> System.err.println("kahu: " + msg));
        Files.createDirectories(out);
        ObjectNode json = BenchJson.of(result);
        Path jsonFile = out.resolve("attribution.json"), png = out.resolve("reliability-k" + diagramK + ".png");
        Files.writeString(jsonFile, Json.pretty(json) + System.lineSeparator());
        if (result.config().ks().contains(diagramK)) ReliabilityDiagram.write(result, png);
        System.err.printf("kahu: wrote %s and %s (%.1f s in all)%n", jsonFile, png, (System.nanoTime() - start) / 1e9);
        if (format.equals("json")) System.out.println(Json.pretty(json));
        else printText(result);
        return Main.OK;
    }

    private KnowledgeBase loadKnowledge() throws Exception {
        return KnowledgeSource.load(kb, bench.main.dbUrl());
    }

    private void printText(BenchmarkResult r) {
        AttributionBenchmark c = r.config();
        System.out.printf("Attribution benchmark: noise %.2f, holdout %.2f, software probability %.2f, seeds %s%n",
                c.noise(), c.holdout(), c.softwareProbability(), c.seeds());
        System.out.printf("Model parameters: %s%n", c.parameters());
        System.out.println("Baselines' similarity scores are normalised to sum 1 to serve as probabilities.");
        System.out.println();
        System.out.printf("%-8s %4s %6s %6s %6s %6s %6s %6s %8s %6s%n", "ranker", "k", "top1", "top3", "top5", "mrr", "brier", "ece", "conf.err", "cases");
        for (RankerResult rr : r.rankers()) {
            for (Metrics m : rr.perK()) {
                System.out.printf("%-8s %4d %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %8.4f %6d%n", rr.name(), m.k(), m.top1(), m.top3(), m.top5(),
                        m.mrr(), m.brier(), m.ece(), m.confidentErrorRate(), m.cases());
            }
        }
        System.out.println();
        System.out.printf("Reliability of the model at k=%d (top-ranked actor's probability, pooled over seeds):%n", c.diagramK());
        for (ReliabilityBin b : r.model().reliability()) {
            if (b.cases() == 0) continue;
            System.out.printf("  %.1f-%.1f  %5d cases  mean p %.3f  correct %.3f%n", b.lower(), b.upper(), b.cases(), b.meanConfidence(), b.accuracy());
        }
    }

    private void printFit(ParameterFit.Result r) {
        ModelParameters best = r.best().parameters();
        if (format.equals("json")) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.set("best", BenchJson.parameters(best));
            o.set("best_metrics", BenchJson.metrics(r.best().metrics()));
            o.set("seeds", Json.MAPPER.valueToTree(r.seeds()));
            ArrayNode points = o.putArray("points");
            for (ParameterFit.Point pt : r.points()) {
                ObjectNode n = BenchJson.metrics(pt.metrics());
                n.put("mean_log_loss_over_k", pt.meanLogLoss());
                n.set("parameters", BenchJson.parameters(pt.parameters()));
                points.add(n);
            }
            System.out.println(Json.pretty(o));
            return;
        }
        System.out.printf("Fit on calibration seeds %s, minimising the log loss of the true actor averaged over k %s (other columns at k=%d):%n",
                r.seeds(), ks, ParameterFit.FIT_K);
        System.out.printf("%-15s %-11s %-13s %8s %8s %6s %6s %6s %8s%n", "techniqueNoise", "temperature", "unknownPrior", "meanloss", "loss@10", "top1", "top5", "ece", "conf.err");
        for (ParameterFit.Point pt : r.points().subList(0, Math.min(10, r.points().size()))) {
            ModelParameters p = pt.parameters();
            Metrics m = pt.metrics();
            System.out.printf("%-15.2f %-11.2f %-13.2f %8.4f %8.4f %6.3f %6.3f %6.3f %8.4f%n", p.techniqueNoise(), p.temperature(), p.unknownPrior(),
                    pt.meanLogLoss(), m.logLoss(), m.top1(), m.top5(), m.ece(), m.confidentErrorRate());
        }
        System.out.printf("Best: techniqueNoise=%.2f temperature=%.2f unknownPrior=%.2f%n", best.techniqueNoise(), best.temperature(), best.unknownPrior());
    }
}
