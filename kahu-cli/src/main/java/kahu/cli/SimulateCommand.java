package kahu.cli;

import kahu.knowledge.KnowledgeLoader;
import kahu.simulate.Scenario;
import kahu.simulate.ScenarioLoader;
import kahu.simulate.SimulationSummary;
import kahu.simulate.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kahu simulate}: a constituency's Exchange telemetry with threat-actor operations, and the ground truth beside it. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Generate a simulated constituency's Exchange server logs with threat-actor operations (and a separate ground truth).")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE", description = "A built-in scenario (exchange-2021) or a scenario file.")
    String scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created; an earlier run's output in it is replaced).")
    Path out;

    @Option(names = "--servers", paramLabel = "N", description = "Number of Exchange servers (default: the scenario's); organisations scale with it.")
    Integer servers;

    @Option(names = "--layout", defaultValue = "folders", paramLabel = "folders|zip",
            description = "Each server's collection as a folder of files, or as one zip per server (logs/<org>/<host>.zip, as triage tools collect it; default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed; the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        var kb = KnowledgeLoader.builtIn();
        Scenario s;
        try {
            s = ScenarioLoader.load(scenario, kb);
        } catch (ScenarioLoader.InvalidScenarioException e) {
            System.err.println("kahu: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (servers != null && servers < 1) {
            System.err.println("kahu: --servers must be at least 1");
            return Main.BAD_INPUT;
        }
        kahu.simulate.Layout chosen = layout(layout);
        if (chosen == null) return Main.BAD_INPUT;
        SimulationSummary sum;
        try (ProgressBar bar = new ProgressBar(System.err)) {
            sum = new Simulator(s, kb, chosen).run(out, servers, seed,
                    (done, total, bytes) -> {
                        if (done == total || done % Math.max(1, total / 500) == 0) // redraw about 500 times, not per organisation
                            bar.show((double) done / total, done + "/" + total + " organisations, " + (bytes >> 20) + " MB");
                    });
        }
        System.out.printf("Scenario %s, seed %d: %d organisations, %d Exchange servers%n", sum.scenario(), sum.seed(), sum.organisations(), sum.servers());
        System.out.printf("Operations: %d (%d failed against patched servers); compromised organisations: %d%n", sum.operations(),
                sum.failedOperations(), sum.compromisedOrganisations());
        new java.util.TreeMap<>(sum.compromisedByActor()).forEach((actor, n) -> System.out.printf("  %-16s %d%n", actor, n));
        System.out.printf("Wrote %,d events, %,d bytes in %.1f s (%,.0f events/s, %.1f MB/s) to %s%n", sum.events(), sum.bytes(), sum.seconds(),
                sum.events() / Math.max(sum.seconds(), 1e-9), sum.bytes() / 1e6 / Math.max(sum.seconds(), 1e-9), out);
        System.out.println("ground-truth.json is for evaluation only: the investigation reads organisations.json and logs/.");
        return Main.OK;
    }

    /** The {@code --layout} value, or null after saying why it is not one (shared with {@code kahu bench investigate}). */
    static kahu.simulate.Layout layout(String name) {
        try {
            return kahu.simulate.Layout.of(name);
        } catch (IllegalArgumentException e) {
            System.err.println("kahu: --layout: " + e.getMessage());
            return null;
        }
    }
}
