package kahu.cli;

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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kahu demo}: the main job on data whose truth is known. Simulates the {@code exchange-2021}
 * scenario (a national constituency's Exchange servers in early 2021: HAFNIUM's quiet wave, then mass
 * exploitation by state-sponsored and criminal groups), investigates its logs as an analyst would —
 * without the ground truth — and prints what a national centre would say.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate early-2021 Exchange exploitation in a national constituency and investigate it end to end.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the telemetry and the report go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("kahu-demo");

    @Option(names = "--seed", defaultValue = "1", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        KnowledgeBase kb = KnowledgeSource.load(null, main.dbUrl());
        Scenario scenario = ScenarioLoader.load("exchange-2021", kb);
        Path telemetry = out.resolve("telemetry");
        System.out.println("Kahu demo: Microsoft Exchange exploitation, early 2021, in a national constituency");
        System.out.println("==================================================================================");
        SimulationSummary sim;
        try (ProgressBar bar = new ProgressBar(System.err)) {
            sim = new Simulator(scenario, kb).run(telemetry, null, seed,
                    (done, total, bytes) -> bar.show((double) done / total, "simulating: " + done + "/" + total + " organisations"));
        }
        System.out.printf("1. Simulated %d organisations and %d Exchange servers: %,d log events (%,d MB) in %s.%n",
                sim.organisations(), sim.servers(), sim.events(), sim.bytes() >> 20, telemetry);
        System.out.println("   The ground truth stays in ground-truth.json; the investigation reads only the logs and the register.");

        System.out.println("2. Investigating (detection, incidents, campaigns, attribution)...");
        InvestigationResult r;
        try (Database db = Database.open(main.dbUrl())) {
            r = InvestigationRunner.run(kb, List.of(telemetry), List.of(), List.of(), db, Duration.ofHours(24), System.err);
        }
        Path html = InvestigationRunner.writeReports(r, out.resolve("report"));
        System.out.println();
        InvestigationRunner.printSummary(r, System.out);
        System.out.println();
        System.out.println("Report: " + html.toAbsolutePath() + " (also report.md and findings.stix.json)");
        System.out.printf("Done in %.0f s. Next: `./kahu stats`, `./kahu bench investigate`, or `./kahu investigate YOUR-LOGS`.%n",
                (System.nanoTime() - start) / 1e9);
        return Main.OK;
    }
}
