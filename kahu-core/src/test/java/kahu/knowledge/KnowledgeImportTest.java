package kahu.knowledge;

import kahu.store.Database;
import kahu.testing.SharedData;
import kahu.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports of ATT&CK and MISP data into H2 and a real PostgreSQL server, and what lookups then return. */
class KnowledgeImportTest {
    @TempDir
    Path tmp;

    static List<String> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void importsAttackSampleAndMispAndResolvesActors(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            KnowledgeStore store = new KnowledgeStore(db);
            ImportSummary s = new KnowledgeImport(store).importPaths(
                    List.of(SharedData.attackSample(), SharedData.mispGalaxy()), ImportProgress.NONE);
            assertThat(s.rejected()).isEmpty();
            assertThat(s.actorRecords()).isEqualTo(5 + 1041);
            KnowledgeBase kb = KnowledgeLoader.load(store);

            List<Actor> apt40 = kb.lookup("APT40");
            assertThat(apt40).hasSize(1);
            Actor leviathan = apt40.getFirst();
            assertThat(leviathan.name()).isEqualTo("Leviathan");
            assertThat(leviathan.attackId()).isEqualTo("G0065");
            assertThat(leviathan.aliases()).extracting(Alias::name).contains("APT40", "TEMP.Periscope", "BRONZE MOHAWK");
            assertThat(leviathan.sponsor().country()).isEqualTo("CN");
            assertThat(leviathan.sponsor().agency()).contains("Ministry of State Security");
            assertThat(leviathan.techniques()).hasSize(50);
            assertThat(leviathan.techniques()).extracting(TechniqueUse::id).contains("T1190", "T1505.003");
            assertThat(leviathan.techniques()).allSatisfy(t -> assertThat(t.sources()).isNotEmpty());
            assertThat(leviathan.recordIds()).contains("mitre-attack:G0065", "kahu:apt40",
                    "misp-galaxy:5b4b6980-3bc7-11e8-84d6-879aaac37dd9");
            // Every alias spelling and the ATT&CK ID find the same actor.
            assertThat(kb.lookup("temp.periscope")).containsExactly(leviathan);
            assertThat(kb.lookup("g0065")).containsExactly(leviathan);

            // NOBELIUM: ATT&CK and MISP's APT29 say it is APT29, MISP's UNC2452 cluster says it is UNC2452.
            List<Actor> nobelium = kb.lookup("NOBELIUM");
            assertThat(nobelium).extracting(Actor::name).containsExactlyInAnyOrder("APT29", "UNC2452");
            Actor apt29 = nobelium.stream().filter(a -> a.name().equals("APT29")).findFirst().orElseThrow();
            assertThat(apt29.possiblySameAs()).extracting(Actor.ActorLink::actorName).contains("UNC2452");
            // The revoked ATT&CK group G0118 (UNC2452) leads to its successor, APT29.
            assertThat(kb.lookup("G0118")).contains(apt29);

            // APT31: ATT&CK calls it ZIRCONIUM; the curated file and MISP call it APT31. One actor.
            assertThat(kb.lookup("APT31")).hasSize(1);
            assertThat(kb.lookup("ZIRCONIUM")).isEqualTo(kb.lookup("APT31"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void reimportIsIdempotent(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            KnowledgeStore store = new KnowledgeStore(db);
            new KnowledgeImport(store).importPaths(List.of(SharedData.attackSample()), ImportProgress.NONE);
            Map<String, Long> first = store.counts();
            new KnowledgeImport(store).importPaths(List.of(SharedData.attackSample()), ImportProgress.NONE);
            Map<String, Long> second = store.counts();
            assertThat(second.get("stix_objects")).isEqualTo(first.get("stix_objects"));
            assertThat(second.get("actor_records")).isEqualTo(first.get("actor_records"));
            assertThat(second.get("imports")).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void badObjectsAreRejectedWithFileAndIdAndTheRestIsImported(String kind) throws Exception {
        String setId = "intrusion-set--11111111-1111-4111-8111-111111111111";
        Path good = Files.writeString(tmp.resolve("good.json"), """
                {"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000001", "objects": [
                {"type": "intrusion-set", "spec_version": "2.1", "id": "%s", "created": "2021-01-01T00:00:00.000Z",
                 "modified": "2021-01-01T00:00:00.000Z", "name": "Test Group", "aliases": ["TG-1"],
                 "external_references": [{"source_name": "mitre-attack", "external_id": "G9999"}]},
                {"type": "relationship", "spec_version": "2.1", "id": "relationship--22222222-2222-4222-8222-222222222222",
                 "created": "2021-01-01T00:00:00.000Z", "modified": "2021-01-01T00:00:00.000Z", "relationship_type": "uses",
                 "source_ref": "%s", "target_ref": "attack-pattern--33333333-3333-4333-8333-333333333333"},
                {"type": "intrusion-set", "spec_version": "2.1", "id": "%s", "created": "2021-01-01T00:00:00.000Z",
                 "modified": "2021-01-01T00:00:00.000Z", "name": "Test Group, different", "aliases": ["TG-2"]}
                ]}""".formatted(setId, setId, setId));
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"type\": \"bundle\", \"objects\": [ {\"type\": ");
        try (Database db = TestDatabases.open(kind)) {
            KnowledgeStore store = new KnowledgeStore(db);
            ImportSummary s = new KnowledgeImport(store).importPaths(List.of(good, broken), ImportProgress.NONE);
            assertThat(s.rejected()).anySatisfy(r -> assertThat(r).contains("good.json").contains("relationship--2222").contains("dangling"));
            assertThat(s.rejected()).anySatisfy(r -> assertThat(r).contains("good.json").contains(setId).contains("duplicate"));
            assertThat(s.rejected()).anySatisfy(r -> assertThat(r).contains("broken.json"));
            assertThat(s.objectsImported()).isEqualTo(1);
            assertThat(KnowledgeLoader.load(store).lookup("TG-1")).extracting(Actor::attackId).containsExactly("G9999");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void analystsMergeAndSplitWithReasons(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            KnowledgeStore store = new KnowledgeStore(db);
            new KnowledgeImport(store).importPaths(List.of(SharedData.mispGalaxy()), ImportProgress.NONE);
            KnowledgeBase before = KnowledgeLoader.load(store);
            assertThat(before.lookup("NOBELIUM")).hasSize(2);

            store.record(new ActorDecision(ActorDecision.Action.MERGE, "APT29", "UNC2452",
                    "ATT&CK revoked UNC2452 into APT29 in 2022", "test", java.time.Instant.now()));
            KnowledgeBase merged = KnowledgeLoader.load(store);
            assertThat(merged.lookup("NOBELIUM")).hasSize(1);
            assertThat(merged.lookup("UNC2452")).isEqualTo(merged.lookup("APT29"));

            String mispApt40 = "misp-galaxy:5b4b6980-3bc7-11e8-84d6-879aaac37dd9";
            assertThat(merged.lookup("APT40").getFirst().recordIds()).contains(mispApt40);
            store.record(new ActorDecision(ActorDecision.Action.SPLIT, "G0065", mispApt40, "test split", "test", java.time.Instant.now()));
            KnowledgeBase split = KnowledgeLoader.load(store);
            assertThat(split.lookup("kahu:apt40").getFirst().recordIds()).doesNotContain(mispApt40);
            assertThat(split.lookup(mispApt40).getFirst().recordIds()).containsExactly(mispApt40);
            assertThat(store.decisions()).extracting(ActorDecision::reason).contains("test split");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void wrongVersionsUnknownTypesAndDeepNestingAreRejectedByName(String kind) throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 200; i++) deep.append("{\"a\":");
        deep.append("1");
        deep.append("}".repeat(200));
        Path f = Files.writeString(tmp.resolve("mixed.json"), """
                {"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000002", "objects": [
                {"type": "intrusion-set", "spec_version": "3.0", "id": "intrusion-set--44444444-4444-4444-8444-444444444444",
                 "created": "2021-01-01T00:00:00.000Z", "modified": "2021-01-01T00:00:00.000Z", "name": "Future"},
                {"type": "flying-saucer", "spec_version": "2.1", "id": "flying-saucer--55555555-5555-4555-8555-555555555555",
                 "created": "2021-01-01T00:00:00.000Z", "modified": "2021-01-01T00:00:00.000Z"},
                {"type": "note", "spec_version": "2.1", "id": "note--66666666-6666-4666-8666-666666666666",
                 "created": "2021-01-01T00:00:00.000Z", "modified": "2021-01-01T00:00:00.000Z", "content": "deep",
                 "object_refs": ["note--66666666-6666-4666-8666-666666666666"], "x_deep": %s},
                {"type": "identity", "spec_version": "2.1", "id": "identity--77777777-7777-4777-8777-777777777777",
                 "created": "2021-01-01T00:00:00.000Z", "modified": "2021-01-01T00:00:00.000Z", "name": "Valid Org",
                 "identity_class": "organization"}
                ]}""".formatted(deep));
        try (Database db = TestDatabases.open(kind)) {
            ImportSummary s = new KnowledgeImport(new KnowledgeStore(db)).importPaths(List.of(f), ImportProgress.NONE);
            assertThat(s.objectsImported()).isEqualTo(1);
            String all = String.join("\n", s.rejected());
            assertThat(all).contains("mixed.json", "intrusion-set--4444", "3.0", "flying-saucer--5555", "note--6666");
            assertThat(s.rejected()).hasSize(3).allSatisfy(r -> assertThat(r).matches("(?s).*mixed\\.json:\\d+: .*"));
        }
    }
}
