package kahu.investigate;

import kahu.detect.BuiltInRules;
import kahu.detect.ioc.IndicatorFeeds;
import kahu.detect.ioc.IndicatorSet;
import kahu.detect.sigma.SigmaRuleLoader;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import kahu.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills (SIGKILL) a real investigation process at several points, runs it again to the end, and compares
 * what is stored with an uninterrupted run: detections, incidents, campaigns and assessments must be the same.
 */
class InvestigationRestartTest {
    @TempDir
    Path tmp;

    /** The child: investigates args[1] into database args[0], printing each step as it starts. */
    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(args[0])) {
            pipeline().run(List.of(Path.of(args[1])), new InvestigationStore(db), new Investigation.Progress() {
                @Override
                public void step(String what) {
                    System.out.println("STEP " + what);
                    System.out.flush();
                }
            });
        }
        System.out.println("DONE");
    }

    static Investigation pipeline() {
        KnowledgeBase kb = KnowledgeLoader.builtIn();
        return new Investigation(kb, SigmaRuleLoader.load(BuiltInRules.folder()),
                IndicatorSet.of(IndicatorFeeds.fromKnowledgeBase(kb).indicators()), Duration.ofHours(24));
    }

    /** 120 organisations' Exchange servers, each with the ProxyLogon fixture logs. */
    private Path telemetry() throws Exception {
        Path root = tmp.resolve("in");
        StringBuilder register = new StringBuilder("{\"organisations\":[");
        for (int i = 0; i < 120; i++) {
            String host = "EXCH" + i + ".org" + i + ".example.nz";
            Path dir = Files.createDirectories(root.resolve("logs/org-" + i + "/" + host));
            for (String f : List.of("HttpProxy_2021030302-1.LOG", "u_ex210303.log")) {
                try (var in = getClass().getResourceAsStream("/kahu/ingest/" + f)) {
                    Files.copy(in, dir.resolve(f));
                }
            }
            register.append(i == 0 ? "" : ",").append("{\"id\":\"org-").append(i).append("\",\"name\":\"Org ").append(i)
                    .append("\",\"pseudonym\":\"Organisation ").append(i).append("\",\"sector\":\"").append(i % 2 == 0 ? "government" : "education")
                    .append("\",\"size\":\"large\",\"country\":\"NZ\",\"hosts\":[{\"name\":\"").append(host).append("\"}]}");
        }
        Files.writeString(root.resolve("organisations.json"), register.append("]}"));
        return root;
    }

    private static List<String> snapshot(String url) {
        try (Database db = Database.open(url)) {
            return db.jdbi().withHandle(h -> {
                List<String> rows = new ArrayList<>();
                rows.addAll(h.createQuery("SELECT id FROM detection ORDER BY id").mapTo(String.class).list());
                rows.addAll(h.createQuery("SELECT id || ' ' || category || ' ' || detections || ' ' || COALESCE(campaign_id, '-') FROM incident ORDER BY id")
                        .mapTo(String.class).list());
                rows.addAll(h.createQuery("SELECT id || ' ' || incidents FROM campaign ORDER BY id").mapTo(String.class).list());
                rows.addAll(h.createQuery("SELECT subject_id || ' ' || COALESCE(leader_key, '-') || ' ' || phia FROM assessment ORDER BY subject_id")
                        .mapTo(String.class).list());
                return rows;
            });
        }
    }

    @Test
    void aKilledInvestigationRunAgainEndsWithTheSameStoredResultAsAnUninterruptedOne() throws Exception {
        Path in = telemetry();
        String reference = Database.h2Url(tmp.resolve("reference"));
        try (Database db = Database.open(reference)) {
            pipeline().run(List.of(in), new InvestigationStore(db), Investigation.Progress.NONE);
        }
        List<String> expected = snapshot(reference);
        assertThat(expected).isNotEmpty();

        String url = Database.h2Url(tmp.resolve("killed"));
        List<String> killedAt = new ArrayList<>();
        for (String step : List.of("scanning", "storing", "grouping", "attributing", "storing incidents")) {
            Process p = new ProcessBuilder(java(url, in)).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("STEP " + step) || line.equals("DONE")) {
                        killedAt.add(line);
                        break;
                    }
                }
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        try (Database db = Database.open(url)) {
            pipeline().run(List.of(in), new InvestigationStore(db), Investigation.Progress.NONE);
        }
        assertThat(snapshot(url)).as("killed at %s", killedAt).isEqualTo(expected);
        assertThat(killedAt).hasSize(5);
    }

    private static List<String> java(String url, Path in) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), InvestigationRestartTest.class.getName(), url, in.toString());
    }
}
