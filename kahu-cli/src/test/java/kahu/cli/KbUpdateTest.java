package kahu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import kahu.testing.SharedData;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** `kahu kb update` against a local HTTP server that serves the shared ATT&CK data. */
class KbUpdateTest {
    @TempDir
    Path home;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serve() throws Exception {
        System.setProperty("kahu.home", home.toString());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/attack/", ex -> {
            requests.incrementAndGet();
            Path file = SharedData.attack().resolve(ex.getRequestURI().getPath().substring("/attack/".length()));
            if (!Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, Files.size(file));
                try (var out = ex.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("kahu.home");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/attack/" + path;
    }

    @Test
    void downloadsAndImportsTheRelease() throws Exception {
        String db = TestDatabases.url("h2");
        CliRun r = CliRun.run("--db", db, "kb", "update", "--url", url("sample/enterprise-attack-sample-G0016-G0065-G0125-G0128.json"),
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertThat(summary.get("actor_records").asInt()).isEqualTo(5);
        assertThat(requests.get()).isEqualTo(1);
        assertThat(home.resolve("downloads/enterprise-attack-sample-G0016-G0065-G0125-G0128.json")).exists();
        JsonNode apt40 = new ObjectMapper().readTree(CliRun.run("--db", db, "kb", "actor", "G0065", "--format", "json").out()).get(0);
        assertThat(apt40.get("techniques")).hasSize(50);
    }

    @Test
    void aMissingReleaseIsReportedAndNothingChanges() throws Exception {
        String db = TestDatabases.url("h2");
        CliRun r = CliRun.run("--db", db, "kb", "update", "--url", url("no-such-file.json"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("404");
        JsonNode stats = new ObjectMapper().readTree(CliRun.run("--db", db, "kb", "stats", "--format", "json").out());
        assertThat(stats.get("stored").get("stix_objects").asInt()).isZero();
    }
}
