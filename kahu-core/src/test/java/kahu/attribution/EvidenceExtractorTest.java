package kahu.attribution;

import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static kahu.attribution.EvidenceFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Evidence extraction from the fixtures in src/test/resources/attribution, against ATT&CK knowledge. */
class EvidenceExtractorTest {
    private static final String APT40_REPORT = "report--";
    private static final String CASE_GROUPING = "grouping--e7d1fe2f-b797-5ab6-abe6-ffbf639ed430";

    static EvidenceExtractor extractor;

    @TempDir
    Path tmp;

    @BeforeAll
    static void knowledge() throws Exception {
        extractor = new EvidenceExtractor(EvidenceFixtures.attackKnowledge());
    }

    static List<String> values(EvidenceSet set, EvidenceKind kind) {
        return set.items().stream().filter(e -> e.kind() == kind).map(Evidence::value).toList();
    }

    static Evidence item(EvidenceSet set, EvidenceKind kind, String value) {
        return set.items().stream().filter(e -> e.kind() == kind && e.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void apt40AdvisoryGivesOneTechniquePerListedTechnique() throws Exception {
        Path file = fixture("apt40-advisory-2021.json");
        String reportId = Files.readAllLines(file).stream().filter(l -> l.contains("\"type\": \"report\""))
                .map(l -> l.substring(l.indexOf(APT40_REPORT), l.indexOf('"', l.indexOf(APT40_REPORT)))).findFirst().orElseThrow();

        EvidenceSet set = extractor.extract(file, reportId);

        assertThat(set.warnings()).isEmpty();
        assertThat(set.subject()).isEqualTo("apt40-advisory-2021.json " + reportId);
        assertThat(values(set, EvidenceKind.TECHNIQUE)).hasSize(24)
                .contains("T1505.003", "T1566.001", "T1059.001", "T1133", "T1589.001");
        assertThat(set.items()).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceKind.TECHNIQUE);
            assertThat(e.source()).matches("apt40-advisory-2021\\.json:\\d+ attack-pattern--[0-9a-f-]{36}");
            assertThat(e.reliability()).isEqualTo(EvidenceKind.TECHNIQUE.defaultReliability());
        });
        // Without a subject the whole bundle gives the same techniques.
        assertThat(values(extractor.extract(file, null), EvidenceKind.TECHNIQUE))
                .containsExactlyElementsOf(values(set, EvidenceKind.TECHNIQUE));
    }

    @Test
    void revokedTechniqueFollowsItsSuccessorAndUnknownIsKeptWithAWarning() throws Exception {
        EvidenceSet set = extractor.extract(fixture("revoked-and-unknown-techniques.json"), null);

        // T1086 → T1059.001, which the bundle also names: one item. T1190 twice (object and sighting): one item.
        assertThat(values(set, EvidenceKind.TECHNIQUE)).containsExactly("T1059.001", "T9999.999", "T1190");
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w)
                .contains("revoked-and-unknown-techniques.json:5 attack-pattern--")
                .contains("T1086 is revoked").contains("successor T1059.001 (PowerShell)"));
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("T9999.999 is unknown to the knowledge base"));
        // The first source is kept: the attack-pattern, not the later sighting of it.
        assertThat(item(set, EvidenceKind.TECHNIQUE, "T1190").source()).contains("attack-pattern--");
        assertThat(item(set, EvidenceKind.TECHNIQUE, "T1190").observedAt()).isNull();
    }

    @Test
    void caseEvidenceOfEveryKind() throws Exception {
        EvidenceSet set = extractor.extract(fixture("case-evidence.json"), CASE_GROUPING);

        // Software: by name, by alias, and unknown; China Chopper brings the techniques ATT&CK says it implements.
        assertThat(values(set, EvidenceKind.SOFTWARE)).containsExactly("S0020", "S0154", "name:quietheronrat");
        assertThat(item(set, EvidenceKind.SOFTWARE, "S0020").implies()).contains("T1505.003");
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("\"Quiet Heron RAT\" is unknown to the knowledge base"));

        // Techniques: a sighted indicator that indicates a technique, and observed-data's custom list.
        assertThat(values(set, EvidenceKind.TECHNIQUE)).containsExactly("T1505.003", "T1190");
        Evidence webShell = item(set, EvidenceKind.TECHNIQUE, "T1505.003");
        assertThat(webShell.source()).contains("sighting--");
        assertThat(webShell.observedAt()).isEqualTo(Instant.parse("2021-03-03T02:15:00Z"));

        assertThat(values(set, EvidenceKind.INFRASTRUCTURE)).containsExactlyInAnyOrder(
                "ipv4-addr:203.0.113.7", "domain-name:update.example.com", "url:https://mail.victim.example/owa/auth/x.aspx",
                "ipv4-addr:198.51.100.23", "autonomous-system:AS64500", "x509-sha1:a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(values(set, EvidenceKind.FILE_HASH)).containsExactlyInAnyOrder(
                "sha256:ae8e1bd3e0b8e2c7f4f0b4d9c1b2a3d4e5f60718293a4b5c6d7e8f9012345678",
                "md5:d41d8cd98f00b204e9800998ecf8427e", "sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertThat(item(set, EvidenceKind.INFRASTRUCTURE, "ipv4-addr:203.0.113.7").observedAt()).isEqualTo(Instant.parse("2021-03-01T00:00:00Z"));
        // A sighted indicator dates from its first sighting, an observable from its observed-data.
        assertThat(item(set, EvidenceKind.INFRASTRUCTURE, "url:https://mail.victim.example/owa/auth/x.aspx").observedAt())
                .isEqualTo(Instant.parse("2021-03-03T02:15:00Z"));
        assertThat(item(set, EvidenceKind.INFRASTRUCTURE, "ipv4-addr:198.51.100.23").observedAt())
                .isEqualTo(Instant.parse("2021-03-04T01:30:00Z"));
        assertThat(item(set, EvidenceKind.INFRASTRUCTURE, "ipv4-addr:198.51.100.23").source()).contains("observed-data--");

        assertThat(values(set, EvidenceKind.VULNERABILITY)).containsExactly("CVE-2021-26855");
        assertThat(values(set, EvidenceKind.SECTOR)).containsExactly("government", "defence");
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("sector \"space-tourism\""));
        assertThat(values(set, EvidenceKind.COUNTRY)).containsExactly("AU");
        assertThat(values(set, EvidenceKind.ARTEFACT)).containsExactly("language:zh-CN", "compile-offset:+08:00");

        assertThat(values(set, EvidenceKind.TIMING)).containsExactly("+08:00");
        assertThat(item(set, EvidenceKind.TIMING, "+08:00").source()).contains("case-evidence.json").contains("(100%)");
        // Nothing else is wrong with the fixture: the reader accepted every object.
        assertThat(set.warnings()).hasSize(2);
        assertThat(set.items()).filteredOn(e -> e.kind() != EvidenceKind.TIMING)
                .allSatisfy(e -> assertThat(e.source()).matches("case-evidence\\.json:\\d+ [a-z0-9-]+--[0-9a-f-]{36}"));
    }

    @Test
    void subjectSelectsOnlyWhatTheGroupingReaches() throws Exception {
        Path file = fixture("case-evidence.json");
        EvidenceSet grouped = extractor.extract(file, CASE_GROUPING);
        EvidenceSet all = extractor.extract(file, null);

        // T1003 and 192.0.2.99 are in the bundle but neither in the grouping nor related to it.
        assertThat(values(grouped, EvidenceKind.TECHNIQUE)).doesNotContain("T1003");
        assertThat(values(grouped, EvidenceKind.INFRASTRUCTURE)).doesNotContain("ipv4-addr:192.0.2.99");
        assertThat(values(all, EvidenceKind.TECHNIQUE)).contains("T1003");
        assertThat(values(all, EvidenceKind.INFRASTRUCTURE)).contains("ipv4-addr:192.0.2.99");
        // The victim's location is reached through located-at, outside the grouping's own references.
        assertThat(values(grouped, EvidenceKind.COUNTRY)).containsExactly("AU");
    }

    @Test
    void unknownOrUnsuitableSubjectIsAWarningAndNothingIsUsed() throws Exception {
        Path file = fixture("case-evidence.json");
        EvidenceSet missing = extractor.extract(file, "grouping--00000000-0000-4000-8000-000000000000");
        assertThat(missing.items()).isEmpty();
        assertThat(missing.warnings()).containsExactly(
                "subject grouping--00000000-0000-4000-8000-000000000000 is not in the evidence; nothing used", "no usable evidence");

        String campaign = "campaign--a12580da-0089-5bb2-857f-5e45ad778c2c";
        EvidenceSet wrongType = extractor.extract(file, campaign);
        assertThat(wrongType.items()).isEmpty();
        assertThat(wrongType.warnings().getFirst()).contains("is a campaign, not a grouping, incident or report");
    }

    @Test
    void emptyBundleIsAValidResultWithAWarning() throws Exception {
        EvidenceSet set = extractor.extract(fixture("empty-bundle.json"), null);
        assertThat(set.items()).isEmpty();
        assertThat(set.warnings()).containsExactly("no usable evidence");
    }

    @Test
    void malformedBundleKeepsTheValidObjectsAndNamesFileAndLine() throws Exception {
        Path bad = tmp.resolve("broken.json");
        Files.writeString(bad, """
                {"type": "bundle", "id": "bundle--6e0c3a5e-94f4-4d27-9e5c-6f4e1d0a8b11", "objects": [
                  {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--2a1e5d7c-3b4f-4c8e-9d0a-1b2c3d4e5f60",
                   "created": "2021-07-19T00:00:00.000Z", "modified": "2021-07-19T00:00:00.000Z", "name": "Exploit Public-Facing Application",
                   "external_references": [{"source_name": "mitre-attack", "external_id": "T1190"}]},
                  {"type": "attack-pattern", "spec_version": "2.1", "id": "not-an-id", "created": "2021-07-19T00:00:00Z",
                   "modified": "2021-07-19T00:00:00Z", "name": "Broken"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--7d1e5d7c-3b4f-4c8e-9d0a-1b2c3d4e5f61",
                   "created": "2021-07-19T00:00:00.000Z", "modified": "2021-07-19T00:00:00.000Z", "pattern_type": "stix",
                """);

        EvidenceSet set = extractor.extract(bad, null);

        assertThat(values(set, EvidenceKind.TECHNIQUE)).as(set.warnings().toString()).containsExactly("T1190");
        assertThat(item(set, EvidenceKind.TECHNIQUE, "T1190").source()).isEqualTo("broken.json:2 attack-pattern--2a1e5d7c-3b4f-4c8e-9d0a-1b2c3d4e5f60");
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).startsWith(bad + ":5: "));
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains(bad + ":").contains("malformed JSON"));
    }

    @Test
    void curatedKnowledgeAloneMatchesSoftwareByName() throws Exception {
        KnowledgeBase curated = KnowledgeLoader.builtIn();
        EvidenceSet set = new EvidenceExtractor(curated).extract(fixture("case-evidence.json"), CASE_GROUPING);
        // China Chopper is named (with S0020) in the curated APT40 profile; no ATT&CK entries, so no implied techniques.
        assertThat(values(set, EvidenceKind.SOFTWARE)).contains("S0020");
        assertThat(set.items()).extracting(Evidence::kind).contains(EvidenceKind.TECHNIQUE, EvidenceKind.SECTOR, EvidenceKind.TIMING);
    }

    @Test
    void softwareNamedByAnAttackAliasFindsItsId() throws Exception {
        // ATT&CK lists SUNSHUTTLE as another name of GoldMax (S0588).
        Path bundle = java.nio.file.Files.writeString(tmp.resolve("alias.json"), """
                {"type": "bundle", "id": "bundle--6d1f6c1e-2f0a-4c55-8f5e-0b7a0c7f2a11", "objects": [
                {"type": "malware", "spec_version": "2.1", "id": "malware--0c4f0d3e-5a8b-4f7e-9d2c-3b1a2e4f5d6c",
                 "created": "2021-03-04T00:00:00.000Z", "modified": "2021-03-04T00:00:00.000Z", "name": "Sunshuttle", "is_family": true}
                ]}""");
        EvidenceSet set = extractor.extract(bundle, null);
        assertThat(values(set, EvidenceKind.SOFTWARE)).containsExactly("S0588");
        assertThat(set.warnings()).noneMatch(w -> w.contains("Sunshuttle"));
    }
}
