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
    private final Layout layout;

    public Simulator(Scenario scenario, KnowledgeBase kb) {
        this(scenario, kb, Layout.FOLDERS);
    }

    /** @param layout each server's collection as a folder or as one zip (docs/simulator.md, "Output contract") */
    public Simulator(Scenario scenario, KnowledgeBase kb, Layout layout) {
        this.scenario = scenario;
        this.kb = kb;
        this.tradecraft = Tradecraft.builtIn();
        this.layout = layout;
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
        int serversDone = 0, compromised = 0, failed = 0, done = 0;
        long events = 0, bytes = 0;
        Map<String, Integer> byActor = new TreeMap<>();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.ArrayDeque<Pending> window = new java.util.ArrayDeque<>();
        try (RegisterWriter register = new RegisterWriter(out.resolve("organisations.json"));
             GroundTruthWriter truth = new GroundTruthWriter(out.resolve("ground-truth.json"), scenario, layout);
             java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < constituency.organisations(); i++) {
                // Planning is sequential (operation numbers run in organisation order); writing the servers,
                // which depends only on each server's own random stream, runs on every core; the ground truth
                // is written in organisation order as each organisation's servers finish.
                Organisation org = constituency.organisation(i, serversDone);
                serversDone += org.hosts().size();
                register.add(org);
                List<Operation> ops = planner.plan(org, () -> ++opNumber[0]);
                window.add(new Pending(org, ops, pool.submit(() -> {
                    long[] written = new long[2];
                    for (Organisation.Host host : org.hosts()) {
                        List<Operation> onHost = ops.stream().filter(o -> o.hostIndex == host.index()).toList();
                        ServerSimulation.Written w = ServerSimulation.run(out, layout, scenario, seed, tradecraft, org, host, onHost);
                        written[0] += w.lines();
                        written[1] += w.bytes();
                    }
                    return written;
                })));
                // A few organisations ahead per thread: enough to keep the cores busy, and memory bounded.
                while (window.size() > 8 * threads || (i == constituency.organisations() - 1 && !window.isEmpty())) {
                    Pending p = window.poll();
                    long[] written = p.written();
                    events += written[0];
                    bytes += written[1];
                    truth.organisation(p.org, p.ops);
                    java.util.Set<String> hitBy = new java.util.TreeSet<>();
                    for (Operation op : p.ops) {
                        if (op.compromised) hitBy.add(op.actorKey());
                        else failed++;
                    }
                    if (!hitBy.isEmpty()) compromised++;
                    for (String a : hitBy) byActor.merge(a, 1, Integer::sum);
                    done++;
                    if (progress != null) progress.organisationDone(done, constituency.organisations(), bytes);
                }
            }
            truth.finish(scenario, seed, actors);
        }
        bytes += Files.size(out.resolve("organisations.json")) + Files.size(out.resolve("ground-truth.json"));
        return new SimulationSummary(scenario.name(), seed, constituency.organisations(), serversDone, compromised, byActor, opNumber[0], failed,
                events, bytes, (System.nanoTime() - startNanos) / 1e9);
    }

    /** An organisation whose servers are being written. */
    private record Pending(Organisation org, List<Operation> ops, java.util.concurrent.Future<long[]> future) {
        long[] written() throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing " + org.id(), e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IOException(e.getCause());
            }
        }
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
