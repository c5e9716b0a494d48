package kahu.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class StixReaderTest {
    private final List<ReadObject> objects = new ArrayList<>();
    private final List<StixProblem> problems = new ArrayList<>();

    private void read(String json) {
        read(new StixReader(), json);
    }

    private void read(StixReader reader, String json) {
        reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", objects::add, problems::add);
    }

    private static String campaign(String uuid, String modified, String name) {
        return """
                {"type":"campaign","spec_version":"2.1","id":"campaign--%s","created":"2020-01-01T00:00:00.000Z",
                 "modified":"%s","name":"%s"}""".formatted(uuid, modified, name);
    }

    private static final String U1 = "8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    private static final String U2 = "1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";

    @Test
    void readsEveryOasisExampleWithoutProblems() throws IOException {
        for (Path f : TestData.exampleFiles()) new StixReader().read(f, objects::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(objects).hasSize(260);
        assertThat(objects).noneMatch(ReadObject::upgraded);
    }

    @Test
    void readsAllOfAttackAndCountsMatchItsReadme() throws IOException {
        for (Path f : TestData.attackFiles()) new StixReader().read(f, objects::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(objects).hasSize(24_772);
        assertThat(objects).filteredOn(o -> o.type().equals("intrusion-set")).hasSize(187);
        assertThat(objects).filteredOn(o -> o.type().equals("relationship")).hasSize(20_048);
    }

    @Test
    void objectsCarryTheLineWhereTheyStart() throws IOException {
        new StixReader().read(TestData.attack().resolve("enterprise-attack-tactic.json".replace("tactic", "x-mitre-tactic")),
                objects::add, problems::add);
        assertThat(objects).hasSize(14);
        // One object per line after the bundle header.
        for (int i = 0; i < objects.size(); i++) assertThat(objects.get(i).line()).isEqualTo(i + 2);
        assertThat(objects.getFirst().source()).endsWith("enterprise-attack-x-mitre-tactic.json");
    }

    @Test
    void acceptsSingleObjectsArraysAndBundlesWithTypeLast() {
        read(campaign(U1, "2020-01-01T00:00:00.000Z", "a"));
        read("[" + campaign(U1, "2020-01-02T00:00:00.000Z", "a") + ",\n" + campaign(U2, "2020-01-01T00:00:00.000Z", "b") + "]");
        read("{\"objects\":[" + campaign(U2, "2020-01-02T00:00:00.000Z", "b") + "],\"id\":\"bundle--" + U1 + "\",\"type\":\"bundle\"}");
        assertThat(problems).isEmpty();
        assertThat(objects).hasSize(4);
    }

    @Test
    void readsGzipFiles(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("sample.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz)); InputStream in = Files.newInputStream(TestData.attackSample())) {
            in.transferTo(out);
        }
        new StixReader().read(gz, objects::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(objects).hasSize(TestData.objectsOf(TestData.attackSample()).size());
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumnAndEarlierObjectsAreKept() {
        read("{\"type\":\"bundle\",\"id\":\"bundle--" + U1 + "\",\"objects\":[\n" + campaign(U1, "2020-01-01T00:00:00.000Z", "a")
                + ",\n{\"type\":\"campaign\",\"id\": oops}\n]}");
        assertThat(objects).hasSize(1);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("malformed JSON at line 4, column");
            assertThat(p.describe()).startsWith("test.json:4: malformed JSON");
        });
    }

    @Test
    void rejectsUnsupportedSpecVersionsAndUnknownTypes() {
        read("[" + campaign(U1, "2020-01-01T00:00:00.000Z", "a").replace("\"2.1\"", "\"3.0\"") + ",\n"
                + campaign(U2, "2020-01-01T00:00:00.000Z", "b").replace("campaign", "gizmo") + ",\n"
                + campaign(U2, "2020-01-01T00:00:00.000Z", "b").replace("campaign", "x-acme-gizmo") + "]");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).message()).contains("spec_version \"3.0\" is not supported");
        assertThat(problems.get(0).objectId()).isEqualTo("campaign--" + U1);
        assertThat(problems.get(1).message()).contains("unknown type 'gizmo'");
        assertThat(problems.get(1).line()).isEqualTo(3);
        assertThat(objects).singleElement().extracting(ReadObject::type).isEqualTo("x-acme-gizmo");
    }

    @Test
    void duplicateIdsAreDroppedRejectedOrKeptAsVersions() {
        String v1 = campaign(U1, "2020-01-01T00:00:00.000Z", "a");
        read("[" + v1 + ",\n" + v1 + ",\n" + campaign(U1, "2020-01-01T00:00:00.000Z", "changed") + ",\n"
                + campaign(U1, "2020-06-01T00:00:00.000Z", "newer") + "]");
        assertThat(objects).extracting(o -> o.json().get("name").asText()).containsExactly("a", "newer");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5); // each campaign() spans two lines
            assertThat(p.message()).contains("duplicate id with the same modified time");
        });
    }

    @Test
    void objectsBeyondTheLimitsAreSkippedAndTheRestIsRead() {
        String deep = "{\"type\":\"x-deep\",\"spec_version\":\"2.1\",\"id\":\"x-deep--" + U2 + "\",\"created\":\"2020-01-01T00:00:00Z\","
                + "\"modified\":\"2020-01-01T00:00:00Z\",\"x_d\":" + "[".repeat(100) + "]".repeat(100) + "}";
        String big = campaign(U2, "2020-01-01T00:00:00.000Z", "b".repeat(5000));
        read(new StixReader(Limits.DEFAULT.withMaxObjectBytes(4096)), "[" + deep + ",\n" + big + ",\n" + campaign(U1, "2020-01-01T00:00:00.000Z", "ok") + "]");
        assertThat(problems).extracting(StixProblem::message)
                .satisfiesExactly(m -> assertThat(m).contains("nesting deeper than 64"), m -> assertThat(m).contains("larger than 4096 bytes"));
        assertThat(objects).singleElement().extracting(ReadObject::id).isEqualTo("campaign--" + U1);
    }

    @Test
    void theLargestAttackObjectPassesTheDefaultLimits() throws IOException {
        new StixReader().read(TestData.attack().resolve("enterprise-attack-x-mitre-collection.json"), objects::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(objects).singleElement().extracting(ReadObject::type).isEqualTo("x-mitre-collection");
    }

    @Test
    void invalidObjectsAreReportedWithEveryReason() {
        read("{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--" + U1 + "\",\"created\":\"2020-01-02T00:00:00Z\","
                + "\"modified\":\"2020-01-01T00:00:00Z\",\"relationship_type\":\"uses\",\"source_ref\":\"APT29\"}");
        assertThat(objects).isEmpty();
        assertThat(problems).singleElement().extracting(StixProblem::message).asString()
                .contains("'target_ref' is required", "'source_ref' must be a STIX identifier", "'modified' must not be earlier");
    }

    @Test
    void upgradesStix20Bundles() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/stix20/bundle-2.0.json")) {
            new StixReader().read(in, "bundle-2.0.json", objects::add, problems::add);
        }
        assertThat(problems).isEmpty();
        assertThat(objects).hasSize(7).allMatch(ReadObject::upgraded)
                .allSatisfy(o -> assertThat(o.json().get("spec_version").asText()).isEqualTo("2.1"));
        ObjectNode hdoor = objects.get(0).json();
        assertThat(hdoor.has("labels")).isFalse();
        assertThat(hdoor.get("is_family").asBoolean()).isTrue();
        assertThat(hdoor.get("x_mitre_platforms").get(0).asText()).isEqualTo("Windows");
        assertThat(objects.get(1).json().get("malware_types").get(0).asText()).isEqualTo("remote-access-trojan");
        assertThat(objects.get(2).json().has("labels")).isFalse();
        assertThat(objects.get(2).json().has("tool_types")).isFalse();
        assertThat(objects.get(3).json().get("threat_actor_types").get(0).asText()).isEqualTo("nation-state");
        assertThat(objects.get(4).json().get("indicator_types").get(0).asText()).isEqualTo("malicious-activity");
        assertThat(objects.get(4).json().get("pattern_type").asText()).isEqualTo("stix");
        assertThat(objects.get(5).json().get("objects").get("0").get("type").asText()).isEqualTo("file");
        // The upgraded objects are valid STIX 2.1 by the OASIS schemas too, except 2.0's id-less embedded
        // observables in observed-data.objects, which the 2.1 schema (not the spec) refuses.
        objects.stream().filter(o -> !o.type().equals("observed-data"))
                .forEach(o -> assertThat(OasisSchemas.validate(o.json())).as(o.id()).isEmpty());
    }

    @Test
    void upgradedAttackObjectsEqualMitresOwn21Form() {
        // The ATT&CK files are MITRE's 2.0 objects converted by MITRE's rules; undoing that and reading again must give the same.
        List<ObjectNode> originals = TestData.objectsOf(TestData.attackSample());
        StringBuilder as20 = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--" + U1 + "\",\"spec_version\":\"2.0\",\"objects\":[");
        for (int i = 0; i < originals.size(); i++) {
            ObjectNode o = originals.get(i).deepCopy();
            o.remove("spec_version");
            if (o.path("type").asText().equals("malware")) { o.remove("is_family"); o.putArray("labels").add("malware"); }
            if (o.path("type").asText().equals("tool")) o.putArray("labels").add("tool");
            as20.append(i == 0 ? "" : ",\n").append(o);
        }
        read(as20.append("]}").toString());
        assertThat(problems).isEmpty();
        assertThat(objects).hasSize(originals.size());
        for (int i = 0; i < originals.size(); i++) assertThat(objects.get(i).json()).isEqualTo(originals.get(i));
    }
}
