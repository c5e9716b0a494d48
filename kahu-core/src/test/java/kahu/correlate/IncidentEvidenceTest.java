package kahu.correlate;

import kahu.attribution.Evidence;
import kahu.attribution.EvidenceExtractor;
import kahu.attribution.EvidenceKind;
import kahu.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an incident's detections give the attribution engine; an unsure finding's items count at half their reliability. */
class IncidentEvidenceTest {
    private static final String HASH = "cd".repeat(32);
    private final IncidentEvidence evidence = new IncidentEvidence(new EvidenceExtractor(KnowledgeLoader.builtIn()));

    private static Finding shell(Organisation o, String time, String ip, String page) {
        return Findings.with(o, time, "sigma", Map.of("ipv4-addr", List.of(ip), "url-path", List.of("/aspnet_client/" + page)), "T1505.003");
    }

    private static Evidence hashItem(kahu.attribution.EvidenceSet set) {
        return set.items().stream().filter(e -> e.kind() == EvidenceKind.FILE_HASH).findFirst().orElseThrow();
    }

    @Test
    void anIncidentWithTechniquesHasNoWarningOfNoUsableEvidenceButAnUnknownTagIsNamed() {
        Organisation a = Findings.HEALTH;
        Finding known = shell(a, "2021-03-11T04:00:00Z", "203.0.113.5", "a.aspx");
        Finding unknown = Findings.with(a, "2021-03-11T04:05:00Z", "sigma", Map.of("ipv4-addr", List.of("203.0.113.5")), "T9999");
        Incident incident = new IncidentGrouper(Duration.ofHours(24)).group(List.of(known, unknown), Findings.register(a)).getFirst();
        kahu.attribution.EvidenceSet set = evidence.of(incident);
        assertThat(set.items()).extracting(Evidence::describe).contains("technique T1505.003");
        assertThat(set.warnings()).noneMatch(w -> w.contains("no usable evidence"));
        assertThat(set.warnings()).anyMatch(w -> w.contains("T9999"));
    }

    @Test
    void aHashFoundWhileTwoIntrudersHadShellsCountsAtHalfItsReliabilityUnlessSeenSurelyElsewhere() {
        Organisation a = Findings.HEALTH, b = Findings.FARM;
        Finding unsure = Findings.with(a, "2021-03-11T05:30:00Z", "sigma", Map.of("file:sha256", List.of(HASH)), "T1486");
        List<Finding> atA = List.of(shell(a, "2021-03-11T04:00:00Z", "203.0.113.5", "a.aspx"),
                shell(a, "2021-03-11T05:00:00Z", "198.51.100.7", "b.aspx"), unsure);
        List<Incident> incidents = new IncidentGrouper(Duration.ofHours(24)).group(atA, Findings.register(a));
        Incident holder = incidents.stream().filter(i -> i.findings().contains(unsure)).findFirst().orElseThrow();
        assertThat(holder.unsure()).containsExactly(unsure.id());

        Evidence item = hashItem(evidence.of(holder));
        assertThat(item.reliability()).isEqualTo(EvidenceKind.FILE_HASH.defaultReliability() * IncidentEvidence.UNSURE);
        assertThat(item.source()).contains("unsure");

        // The same hash seen for sure at another victim: the campaign pooling both counts it fully.
        Finding sure = Findings.with(b, "2021-03-12T05:30:00Z", "sigma", Map.of("file:sha256", List.of(HASH)), "T1486");
        Incident other = new IncidentGrouper(Duration.ofHours(24)).group(List.of(shell(b, "2021-03-12T05:00:00Z", "198.51.100.7", "b.aspx"), sure),
                Findings.register(b)).getFirst();
        assertThat(other.unsure()).isEmpty();
        Campaign both = new Campaign("campaign-x", List.of(holder, other), List.of(), holder.first(), other.last());
        assertThat(hashItem(evidence.of(both)).reliability()).isEqualTo(EvidenceKind.FILE_HASH.defaultReliability());
    }

    @Test
    void aDetectionsTechniqueTagsAreOneObservationAndATechniqueSeenAloneElsewhereCountsFully() {
        Organisation a = Findings.HEALTH;
        Finding shell = shell(a, "2021-03-11T04:00:00Z", "203.0.113.5", "a.aspx");
        Finding regSave = Findings.at(a, "2021-03-11T04:10:00Z", null, "T1003.002", "T1003.004");
        Incident pair = new IncidentGrouper(Duration.ofHours(24)).group(List.of(shell, regSave), Findings.register(a)).getFirst();

        kahu.attribution.EvidenceSet set = evidence.of(pair);
        Evidence sam = technique(set, "T1003.002"), lsa = technique(set, "T1003.004");
        assertThat(sam.observedWith()).containsExactly("T1003.004");
        assertThat(lsa.observedWith()).containsExactly("T1003.002");
        assertThat(sam.source()).contains("one observation with T1003.004");
        assertThat(technique(set, "T1505.003").observationSize()).isEqualTo(1);

        // Another detection shows T1003.002 alone (before or after the pair): that sighting is kept and counts fully, and
        // so does T1003.004, now the only technique counted from the `reg save` detection. Two detections, two observations.
        for (String time : List.of("2021-03-11T04:05:00Z", "2021-03-11T04:20:00Z")) {
            Finding samAlone = Findings.at(a, time, null, "T1003.002");
            Incident both = new IncidentGrouper(Duration.ofHours(24)).group(List.of(shell, regSave, samAlone), Findings.register(a)).getFirst();
            kahu.attribution.EvidenceSet more = evidence.of(both);
            assertThat(technique(more, "T1003.002").observationSize()).isEqualTo(1);
            assertThat(technique(more, "T1003.002").source()).doesNotContain("one observation").contains(samAlone.detection().location());
            assertThat(technique(more, "T1003.004").observationSize()).isEqualTo(1);
            assertThat(technique(more, "T1003.004").source()).doesNotContain("one observation").contains(regSave.detection().location());
        }

        // A campaign pools incidents: the pair in one, the pair again in another, both sure; still one observation's weight.
        Organisation b = Findings.FARM;
        Incident again = new IncidentGrouper(Duration.ofHours(24)).group(List.of(shell(b, "2021-03-12T04:00:00Z", "203.0.113.5", "a.aspx"),
                Findings.at(b, "2021-03-12T04:10:00Z", null, "T1003.002", "T1003.004")), Findings.register(b)).getFirst();
        kahu.attribution.EvidenceSet pooled = evidence.of(new Campaign("campaign-x", List.of(pair, again), List.of(), pair.first(), again.last()));
        assertThat(technique(pooled, "T1003.002").observedWith()).containsExactly("T1003.004");
        assertThat(technique(pooled, "T1003.004").observedWith()).containsExactly("T1003.002");

        // A tag left out of the evidence (a large campaign's 0.1 % rule) leaves the whole observation to the other.
        java.util.Map<String, Evidence> items = new java.util.LinkedHashMap<>();
        Map<String, String> keptFrom = new java.util.HashMap<>();
        for (Evidence e : List.of(sam, lsa)) {
            items.put(e.describe(), e);
            keptFrom.put(e.describe(), regSave.detection().location());
        }
        items.remove(sam.describe());
        IncidentEvidence.shareObservations(items, keptFrom);
        assertThat(items.get(lsa.describe()).observationSize()).isEqualTo(1);
    }

    @Test
    void severalRulesFiringOnOneEventAreOneObservation() {
        Organisation a = Findings.HEALTH;
        Finding shell = shell(a, "2021-03-11T04:00:00Z", "203.0.113.5", "a.aspx");
        // rundll32 comsvcs.dll MiniDump: the LSASS-dump rule (T1003.001) and the rundll32 rule (T1218.011) on one command line.
        Finding dump = Findings.at(a, "2021-03-11T04:10:00Z", null, "T1003.001");
        kahu.detect.Detection d = dump.detection();
        Finding rundll = Finding.of(a, dump.host(), new kahu.detect.Detection("sigma", "rule-rundll32", "rundll32", "high", d.timestamp(),
                List.of("T1218.011"), d.observables(), d.host(), d.location(), null), List.of(), List.of());
        Incident one = new IncidentGrouper(Duration.ofHours(24)).group(List.of(shell, dump, rundll), Findings.register(a)).getFirst();
        kahu.attribution.EvidenceSet set = evidence.of(one);
        assertThat(technique(set, "T1003.001").observedWith()).containsExactly("T1218.011");
        assertThat(technique(set, "T1218.011").observedWith()).containsExactly("T1003.001");

        // The same two rules on two different events: two observations.
        Finding elsewhere = Findings.at(a, "2021-03-11T04:20:00Z", null, "T1218.011");
        Incident two = new IncidentGrouper(Duration.ofHours(24)).group(List.of(shell, dump, elsewhere), Findings.register(a)).getFirst();
        assertThat(technique(evidence.of(two), "T1003.001").observationSize()).isEqualTo(1);
        assertThat(technique(evidence.of(two), "T1218.011").observationSize()).isEqualTo(1);
    }

    private static Evidence technique(kahu.attribution.EvidenceSet set, String id) {
        return set.items().stream().filter(e -> e.kind() == EvidenceKind.TECHNIQUE && e.value().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void inALargeCampaignAnItemSeenInAFewIncidentsIsLeftOutAndInASmallOneCounts() {
        Evidence hash = Evidence.of(EvidenceKind.FILE_HASH, "sha256:" + HASH, "x"), domain = Evidence.of(EvidenceKind.INFRASTRUCTURE, "domain-name:d.example", "y");
        java.util.Map<String, Evidence> items = new java.util.LinkedHashMap<>();
        items.put(hash.describe(), hash);
        items.put(domain.describe(), domain);
        List<String> warnings = new java.util.ArrayList<>();
        // 87,304 incidents: an item must be seen in 88; the hash is in 2, the domain in 2,302.
        IncidentEvidence.leaveOutRare(items, Map.of(hash.describe(), 2, domain.describe(), 2302), 87_304, warnings);
        assertThat(items).containsOnlyKeys(domain.describe());
        assertThat(items.get(domain.describe())).isEqualTo(domain);
        assertThat(warnings).singleElement().asString().contains("fewer than 88 of 87304").contains(hash.describe() + " (2)");

        // At the threshold it counts; below 1,000 incidents an item seen once counts.
        java.util.Map<String, Evidence> edge = new java.util.LinkedHashMap<>(Map.of(hash.describe(), hash));
        IncidentEvidence.leaveOutRare(edge, Map.of(hash.describe(), 88), 87_304, warnings);
        assertThat(edge).containsKey(hash.describe());
        java.util.Map<String, Evidence> small = new java.util.LinkedHashMap<>(Map.of(hash.describe(), hash));
        IncidentEvidence.leaveOutRare(small, Map.of(hash.describe(), 1), 999, warnings);
        assertThat(small.get(hash.describe())).isEqualTo(hash);
        assertThat(warnings).hasSize(1);
    }
}
