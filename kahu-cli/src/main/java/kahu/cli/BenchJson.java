package kahu.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.attribution.ModelParameters;
import kahu.attribution.bench.AttributionBenchmark;
import kahu.attribution.bench.BenchmarkResult;
import kahu.attribution.bench.Metrics;
import kahu.attribution.bench.RankerResult;
import kahu.attribution.bench.ReliabilityBin;

/** The attribution benchmark's JSON: {"results": [...], "baselines": [...]} plus the run's settings. */
final class BenchJson {
    private BenchJson() {}

    static ObjectNode of(BenchmarkResult r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode results = o.putArray("results");
        for (Metrics m : r.model().perK()) results.add(metrics(m));
        ArrayNode baselines = o.putArray("baselines");
        for (RankerResult b : r.baselines()) {
            for (Metrics m : b.perK()) {
                ObjectNode n = Json.MAPPER.createObjectNode();
                n.put("name", b.name());
                n.setAll(metrics(m));
                baselines.add(n);
            }
        }
        AttributionBenchmark c = r.config();
        o.put("model", r.model().name());
        o.set("parameters", parameters(c.parameters()));
        o.set("seeds", Json.MAPPER.valueToTree(c.seeds()));
        o.put("noise", c.noise());
        o.put("holdout", c.holdout());
        o.put("software_probability", c.softwareProbability());
        o.put("min_techniques", AttributionBenchmark.MIN_TECHNIQUES);
        o.put("notes", "Figures are means over the seeds; cases are summed over them. Baselines' similarity scores are "
                + "normalised to sum 1 to serve as probabilities (no unknown actor). ECE: top-ranked actor's probability, "
                + "10 equal bins. Confident error: top-ranked actor wrong with probability >= 0.80.");
        ObjectNode reliability = o.putObject("reliability");
        reliability.put("k", c.diagramK());
        for (RankerResult rr : r.rankers()) {
            ArrayNode bins = reliability.putArray(rr.name());
            for (ReliabilityBin b : rr.reliability()) {
                ObjectNode n = bins.addObject();
                n.put("lower", b.lower());
                n.put("upper", b.upper());
                n.put("cases", b.cases());
                if (b.cases() > 0) {
                    n.put("mean_confidence", b.meanConfidence());
                    n.put("accuracy", b.accuracy());
                }
            }
        }
        return o;
    }

    static ObjectNode metrics(Metrics m) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("k", m.k());
        n.put("top1", m.top1());
        n.put("top3", m.top3());
        n.put("top5", m.top5());
        n.put("mrr", m.mrr());
        n.put("brier", m.brier());
        n.put("ece", m.ece());
        n.put("confident_error_rate", m.confidentErrorRate());
        n.put("log_loss", m.logLoss());
        n.put("cases", m.cases());
        return n;
    }

    static ObjectNode parameters(ModelParameters p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("unknownPrior", p.unknownPrior());
        n.put("techniqueNoise", p.techniqueNoise());
        n.put("softwareNoise", p.softwareNoise());
        n.put("vulnerabilityNoise", p.vulnerabilityNoise());
        n.put("victimNoise", p.victimNoise());
        n.put("victimWeight", p.victimWeight());
        n.put("dependentWeight", p.dependentWeight());
        n.put("temperature", p.temperature());
        return n;
    }
}
