package kahu.simulate;

import kahu.knowledge.Actor;
import kahu.knowledge.KnowledgeBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code kahu simulate}: generates a scenario's constituency organisation by organisation and server
 * by server, each from its own random stream, so that the output is byte-identical for the same
 * scenario, seed and server count, and memory holds one server at a time (plus the campaigns'
 * operation IDs). Output layout and formats: docs/simulator.md.
 */
public final class Simulator {
    private final Scenario scenario;
    private final KnowledgeBase kb;
    private final Tradecraft tradecraft;

    public Simulator(Scenario scenario, KnowledgeBase kb) {
        this.scenario = scenario;
        this.kb = kb;
        this.tradecraft = Tradecraft.builtIn();
    }

    /** Told after each organisation: how many are done of how many. */
    public interface Progress {
        void organisationDone(int done, int total, long bytes);
    }

    /**
     * @param servers the number of Exchange servers, or null for the scenario's; organisations scale with it
     * @throws IOException when {@code out} holds anything but an earlier run's output, or writing fails
     */
    public SimulationSummary run(Path out, Integer servers, long seed, Progress progress) throws IOException {
        long startNanos = System.nanoTime();
        int n = servers == null ? scenario.servers() : servers;
        if (n < 1) throw new IllegalArgumentException("--servers must be at least 1");
        prepare(out);
        Constituency constituency = new Constituency(scenario, seed, n);
        Planner planner = new Planner(scenario, seed, kb);
        Map<String, Actor> actors = new HashMap<>();
        for (String key : scenario.actors().keySet()) actors.put(key, planner.actor(key));
        int[] opNumber = {0};
        int serversDone = 0, compromised = 0, failed = 0;
        long events = 0, bytes = 0;
        Map<String, Integer> byActor = new TreeMap<>();
        try (RegisterWriter register = new RegisterWriter(out.resolve("organisations.json"));
             GroundTruthWriter truth = new GroundTruthWriter(out.resolve("ground-truth.json"), scenario)) {
            for (int i = 0; i < constituency.organisations(); i++) {
                Organisation org = constituency.organisation(i, serversDone);
                serversDone += org.hosts().size();
                register.add(org);
                List<Operation> ops = planner.plan(org, () -> ++opNumber[0]);
                for (Organisation.Host host : org.hosts()) {
                    List<Operation> onHost = ops.stream().filter(o -> o.hostIndex == host.index()).toList();
                    ServerSimulation.Written w = ServerSimulation.run(out, scenario, seed, tradecraft, org, host, onHost);
                    events += w.lines();
                    bytes += w.bytes();
                }
                truth.organisation(org, ops);
                java.util.Set<String> hitBy = new java.util.TreeSet<>();
                for (Operation op : ops) {
                    if (op.compromised) hitBy.add(op.actorKey());
                    else failed++;
                }
                if (!hitBy.isEmpty()) compromised++;
                for (String a : hitBy) byActor.merge(a, 1, Integer::sum);
                if (progress != null) progress.organisationDone(i + 1, constituency.organisations(), bytes);
            }
            truth.finish(scenario, seed, actors);
        }
        bytes += Files.size(out.resolve("organisations.json")) + Files.size(out.resolve("ground-truth.json"));
        return new SimulationSummary(scenario.name(), seed, constituency.organisations(), serversDone, compromised, byActor, opNumber[0], failed,
                events, bytes, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Creates the folder, or clears an earlier run's output from it; refuses a folder holding anything else. */
    private static void prepare(Path out) throws IOException {
        Files.createDirectories(out);
        try (var entries = Files.list(out)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.equals("logs") && !name.equals("organisations.json") && !name.startsWith("ground-truth.json"))
                    throw new IOException(out + " holds " + name + ", which is not a simulator output; choose an empty folder");
            }
        }
        Path logs = out.resolve("logs");
        if (Files.exists(logs)) {
            try (var walk = Files.walk(logs)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }
}
