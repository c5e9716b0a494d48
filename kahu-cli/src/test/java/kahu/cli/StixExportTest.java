package kahu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.OasisSchemas;
import kahu.stix.StixValidator;
import kahu.testing.SharedData;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What `kb actor --format stix` writes is STIX 2.1 that the OASIS schemas and Kahu's own validator accept. */
class StixExportTest {
    @TempDir
    Path home;

    @BeforeEach
    void setUp() {
        System.setProperty("kahu.home", home.toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("kahu.home");
    }

    @Test
    void everyExportedObjectValidatesAndEveryReferenceResolves() throws Exception {
        String db = TestDatabases.url("h2");
        assertThat(CliRun.run("--db", db, "kb", "import", SharedData.attackSample().toString(), SharedData.mispGalaxy().toString()).exit()).isZero();
        for (String actor : List.of("APT40", "NOBELIUM", "HAFNIUM", "Calypso")) {
            CliRun r = CliRun.run("--db", db, "kb", "actor", actor, "--format", "stix");
            assertThat(r.exit()).as(actor + ": " + r.err()).isZero();
            JsonNode bundle = new ObjectMapper().readTree(r.out());
            assertThat(bundle.get("type").asText()).isEqualTo("bundle");
            List<String> problems = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode o : bundle.get("objects")) ids.add(o.get("id").asText());
            for (JsonNode o : bundle.get("objects")) {
                OasisSchemas.validate(o).forEach(e -> problems.add(o.get("id").asText() + " (schema): " + e));
                StixValidator.validate((ObjectNode) o).forEach(e -> problems.add(o.get("id").asText() + " (kahu): " + e));
                for (String ref : List.of("source_ref", "target_ref", "created_by_ref")) {
                    if (o.has(ref)) assertThat(ids).as(actor + ": " + ref + " of " + o.get("id")).contains(o.get(ref).asText());
                }
            }
            assertThat(problems).as(actor).isEmpty();
        }
    }
}
