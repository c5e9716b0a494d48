package kahu.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The curated actor files shipped in Kahu: well formed, fully cited, and consistent with ATT&CK v18.1. */
class CuratedActorFilesTest {
    private static final Path FOLDER = Path.of("src/main/resources/kahu/knowledge/actors");
    private static final Map<String, JsonNode> ATTACK_BY_ID = new HashMap<>();
    private static List<ActorRecord> records;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper m = new ObjectMapper();
        for (String f : List.of("attack-pattern", "intrusion-set", "malware", "tool")) {
            for (JsonNode o : m.readTree(SharedData.attack().resolve("enterprise-attack-" + f + ".json").toFile()).get("objects")) {
                String id = AttackKnowledge.attackId(o);
                if (id != null) ATTACK_BY_ID.put(id, o);
            }
        }
        records = CuratedActors.loadBuiltIn();
    }

    @Test
    void indexListsExactlyTheFilesInTheFolder() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<String> yaml = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
            assertThat(CuratedActors.index()).containsExactlyElementsOf(yaml);
        }
    }

    @Test
    void coversThe2021AttributionsAndAtLeastTwentyActors() {
        assertThat(records).hasSizeGreaterThanOrEqualTo(20);
        assertThat(records).extracting(ActorRecord::attackId).contains("G0065", "G0128", "G0125", "G0016");
        Set<String> sponsors = new java.util.HashSet<>();
        for (ActorRecord r : records) if (r.sponsor() != null) sponsors.add(r.sponsor().country());
        assertThat(sponsors).contains("CN", "RU", "KP", "IR");
        assertThat(records).filteredOn(r -> r.kind() == ActorKind.CRIMINAL).isNotEmpty();
    }

    @Test
    void everyTechniqueAndSoftwareAndGroupIdIsAttacksOwn() {
        List<String> problems = new ArrayList<>();
        for (ActorRecord r : records) {
            if (r.attackId() != null) {
                JsonNode g = ATTACK_BY_ID.get(r.attackId());
                if (g == null || !"intrusion-set".equals(g.path("type").asText())) problems.add(r.recordId() + ": no ATT&CK group " + r.attackId());
                else if (g.path("revoked").asBoolean()) problems.add(r.recordId() + ": " + r.attackId() + " is revoked");
            }
            for (TechniqueUse t : r.techniques()) {
                JsonNode ap = ATTACK_BY_ID.get(t.id());
                if (ap == null) problems.add(r.recordId() + ": unknown technique " + t.id());
                else if (ap.path("revoked").asBoolean() || ap.path("x_mitre_deprecated").asBoolean()) problems.add(r.recordId() + ": " + t.id() + " is revoked or deprecated");
                else if (!ap.path("name").asText().equals(t.name())) problems.add(r.recordId() + ": " + t.id() + " is called '" + ap.path("name").asText() + "', not '" + t.name() + "'");
            }
            for (SoftwareUse s : r.software()) {
                if (s.attackId() == null) continue;
                JsonNode sw = ATTACK_BY_ID.get(s.attackId());
                if (sw == null) problems.add(r.recordId() + ": unknown software " + s.attackId());
                else if (!Names.key(sw.path("name").asText()).equals(Names.key(s.name()))) {
                    problems.add(r.recordId() + ": " + s.attackId() + " is " + sw.path("name").asText() + ", not " + s.name());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFactCitesAReferenceWithAUrl() {
        for (ActorRecord r : records) {
            assertThat(r.references()).as(r.recordId()).isNotEmpty().allSatisfy(ref -> assertThat(ref.url()).startsWith("http"));
            assertThat(r.techniques()).as(r.recordId()).allSatisfy(t -> assertThat(t.sources()).isNotEmpty());
            assertThat(r.aliases()).as(r.recordId()).allSatisfy(a -> assertThat(a.sources()).isNotEmpty());
        }
    }

    @Test
    void theLoaderCollectsEveryProblemOfAFile() {
        List<String> problems = new ArrayList<>();
        CuratedActors.parse("bad.yaml", """
                id: Not An Id
                name: Bad
                kind: pirate
                aliases:
                  - {name: B, refs: [nowhere]}
                sponsor: {country: China, refs: []}
                techniques:
                  - {id: X1190, name: Wrong, refs: [r1]}
                infrastructure:
                  - {type: ipv4-addr, value: 300.1.1.1, valid_from: "2021-05-01", valid_until: "2021-01-01", refs: [r1]}
                references:
                  r1: {title: T, publisher: P, url: https://example.org}
                """, problems);
        assertThat(problems).hasSizeGreaterThanOrEqualTo(7);
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith("bad.yaml: "));
        assertThat(String.join("\n", problems)).contains("id", "kind", "nowhere", "sponsor.country", "X1190", "300.1.1.1", "valid_until");
    }

    @Test
    void aCuratedActorWithoutAnAttackIdIsFoundByItsFileName() {
        KnowledgeBase kb = KnowledgeLoader.builtIn();
        assertThat(kb.lookup("black-kingdom")).singleElement()
                .satisfies(a -> assertThat(a.key()).isEqualTo("kahu:black-kingdom"));
        assertThat(kb.lookup("kahu:black-kingdom")).isEqualTo(kb.lookup("black-kingdom"));
        assertThat(kb.lookup("no-such-actor")).isEmpty();
    }
}
