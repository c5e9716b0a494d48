package kahu.attribution;

import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Offset;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model and the assessment on the built-in knowledge base (no import needed). */
class AttributionModelTest {
    static KnowledgeBase kb;
    static AttributionModel model;

    @BeforeAll
    static void load() {
        kb = KnowledgeLoader.builtIn();
        model = AttributionModel.build(kb);
    }

    private static EvidenceSet evidence(Evidence... items) {
        return new EvidenceSet("test", List.of(items), List.of());
    }

    private static Evidence t(String id) {
        return Evidence.of(EvidenceKind.TECHNIQUE, id, "test");
    }

    @Test
    void probabilitiesSumToOneOverAllHypotheses() {
        Posterior p = model.posterior(evidence(t("T1190"), t("T1505.003"), Evidence.of(EvidenceKind.VULNERABILITY, "CVE-2021-26855", "test")));
        double sum = 0;
        for (double x : p.probabilities()) sum += x;
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.probabilities()).hasSize(model.actorKeys().size() + 1);
    }

    @Test
    void hafniumsExchangeTradecraftPointsToHafnium() {
        Assessment a = model.assess(evidence(
                Evidence.of(EvidenceKind.VULNERABILITY, "CVE-2021-26855", "test"),
                Evidence.of(EvidenceKind.VULNERABILITY, "CVE-2021-27065", "test"),
                t("T1190"), t("T1505.003"), t("T1003.001"), t("T1114.002"), t("T1560.001"), t("T1567.002"),
                Evidence.of(EvidenceKind.SOFTWARE, "S0020", "test"),
                Evidence.of(EvidenceKind.SECTOR, "legal", "test"), Evidence.of(EvidenceKind.COUNTRY, "US", "test")));
        assertThat(a.leader().actor()).isEqualTo("HAFNIUM");
        assertThat(a.leader().probability()).isGreaterThan(0.5);
        assertThat(a.statement()).startsWith("We assess that it is").contains("HAFNIUM", "China", "Confidence:");
        // Every hypothesis shows each item's contribution, and the strongest items favour the leader.
        assertThat(a.leader().evidence()).hasSize(a.evidence().size());
        assertThat(a.leader().evidence().getFirst().weight()).isPositive();
        assertThat(a.ach().hypotheses()).first().isEqualTo("HAFNIUM");
        assertThat(a.ach().hypotheses()).last().isEqualTo(Assessment.UNKNOWN_ACTOR);
        assertThat(a.ach().rows()).isSortedAccordingTo((x, y) -> Double.compare(y.diagnosticity(), x.diagnosticity()));
    }

    @Test
    void theLeadingHypothesesKeepTheLeaderTheStrongestWeightsAndTheTotal() {
        Assessment a = model.assess(evidence(
                Evidence.of(EvidenceKind.VULNERABILITY, "CVE-2021-26855", "test"), t("T1190"), t("T1505.003"), t("T1003.001"),
                t("T1114.002"), t("T1560.001"), t("T1567.002"), Evidence.of(EvidenceKind.SOFTWARE, "S0020", "test")));
        assertThat(a.hypotheses().size()).isGreaterThan(2);
        assertThat(a.leader().evidence().size()).isGreaterThan(3);

        Assessment kept = a.leading(2, 3);

        assertThat(kept.hypotheses()).extracting(Hypothesis::key).containsExactly(a.hypotheses().get(0).key(), a.hypotheses().get(1).key());
        assertThat(kept.leader().evidence()).containsExactlyElementsOf(a.leader().evidence().subList(0, 3)); // strongest first already
        double total = kept.otherActorsProbability() + kept.unknownActorProbability();
        for (Hypothesis h : kept.hypotheses()) total += h.probability();
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(kept.statement()).isEqualTo(a.statement());
        assertThat(kept.ach()).isEqualTo(a.ach());
        assertThat(kept.evidence()).isEqualTo(a.evidence());
        assertThat(a.leading(a.hypotheses().size(), Integer.MAX_VALUE)).isEqualTo(a);
    }

    @Test
    void nothingUsableGivesTheUnknownActorLowConfidenceAndAWarning() {
        Assessment a = model.assess(new EvidenceSet("empty", List.of(), List.of()));
        assertThat(a.unknownLeads()).isTrue();
        assertThat(a.unknownActorProbability()).isGreaterThan(a.leader().probability());
        assertThat(a.confidence().level()).isEqualTo(Confidence.Level.LOW);
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("no usable evidence"));
        assertThat(a.statement()).startsWith("We cannot attribute");
    }

    @Test
    void evidenceNoActorUsesMakesTheUnknownActorMoreLikely() {
        Posterior before = model.posterior(evidence(t("T1190")));
        Posterior after = model.posterior(evidence(t("T1190"), t("T1600.002"), t("T1542.005"), t("T1020.001")));
        assertThat(after.unknown()).isGreaterThan(before.unknown());
    }

    @Test
    void plantedEvidenceAloneDoesNotEarnConfidenceAndFailsTheFalseFlagCheck() {
        List<Evidence> items = new ArrayList<>();
        // Only easily planted evidence: a reported APT29 domain, Moscow working hours, Russian resource language.
        items.add(Evidence.of(EvidenceKind.INFRASTRUCTURE, "domain-name:avsvmcloud.com", "test"));
        items.add(Evidence.of(EvidenceKind.TIMING, "+03:00", "test"));
        items.add(Evidence.of(EvidenceKind.ARTEFACT, "language:ru-RU", "test"));
        Assessment a = model.assess(new EvidenceSet("planted", items, List.of()));
        assertThat(a.leader().actor()).isEqualTo("APT29");
        assertThat(a.confidence().level()).isEqualTo(Confidence.Level.LOW);
        assertThat(a.sensitivity().withoutFakeable().changed()).isTrue();
        assertThat(a.sensitivity().robust()).isFalse();
    }

    @Test
    void aTechniqueExplainedByObservedSoftwareCountsLess() {
        Evidence chopper = new Evidence(EvidenceKind.SOFTWARE, "S0020", "test", 0.8, 0.5, null, List.of("T1505.003"));
        double[][] alone = model.weights(List.of(t("T1505.003")));
        double[][] together = model.weights(List.of(chopper, t("T1505.003")));
        int hafnium = model.actorKeys().indexOf("G0125");
        assertThat(together[1][hafnium]).isLessThan(alone[0][hafnium]).isPositive();
    }

    @Test
    void aDetectionsSeveralTechniqueTagsCountAsOneObservation() {
        // `reg save` of the SAM and SECURITY hives: one rule tagged T1003.002 and T1003.004. DearCry's profile has both,
        // APT27's only T1003.002.
        List<String> tags = List.of("T1003.002", "T1003.004");
        Evidence sam = t("T1003.002").observedWith(tags), lsa = t("T1003.004").observedWith(tags);
        assertThat(sam.observedWith()).containsExactly("T1003.004");
        assertThat(sam.observationSize()).isEqualTo(2);
        assertThat(sam.label()).isEqualTo("technique T1003.002 (one observation with T1003.004)");
        assertThat(t("T1003.002").label()).isEqualTo("technique T1003.002");
        int dearcry = model.actorKeys().indexOf("kahu:dearcry"), apt27 = model.actorKeys().indexOf(kb.lookup("APT27").getFirst().key());
        double[][] together = model.weights(List.of(sam, lsa));
        double[][] apart = model.weights(List.of(t("T1003.002"), t("T1003.004")));
        Offset<Double> exact = Offset.offset(1e-12);

        // Each tag counts half: the two weigh as one observation, not two (counted apart, DearCry gained twice).
        for (int a : new int[] {dearcry, apt27}) {
            assertThat(together[0][a]).isCloseTo(apart[0][a] / 2, exact);
            assertThat(together[1][a]).isCloseTo(apart[1][a] / 2, exact);
        }
        double one = together[0][dearcry] + together[1][dearcry];
        assertThat(one).isPositive().isBetween(Math.min(apart[0][dearcry], apart[1][dearcry]), Math.max(apart[0][dearcry], apart[1][dearcry]));
        double lead = one - (together[0][apt27] + together[1][apt27]);
        assertThat(lead).isCloseTo(((apart[0][dearcry] + apart[1][dearcry]) - (apart[0][apt27] + apart[1][apt27])) / 2, exact);

        // Every item still has its line in the assessment, with its share.
        Assessment a = model.assess(evidence(sam, lsa));
        Hypothesis h = a.hypotheses().stream().filter(x -> x.key().equals("kahu:dearcry")).findFirst().orElseThrow();
        assertThat(h.evidence()).extracting(c -> c.evidence().value()).containsExactlyInAnyOrder("T1003.002", "T1003.004");
        assertThat(h.evidence()).allSatisfy(c -> assertThat(c.weight()).isCloseTo(one / 2, Offset.offset(1e-9)));
    }

    @Test
    void profilesAreWeighedOverTheTechniquesTheDetectionsCanShow() {
        // Lemon Duck's profile includes phishing, USB spreading and DNS tunnelling, which no rule over Exchange
        // and Windows logs shows; DLTMiner's four techniques are all observable. Over everything, the longer profile
        // makes each shared technique less likely under Lemon Duck; over the observable techniques, much less so.
        java.util.Set<String> observable = java.util.Set.of("T1190", "T1505.003", "T1059.001", "T1105", "T1496.001", "T1053.005");
        AttributionModel restricted = AttributionModel.forObservable(kb, observable);
        int ld = model.actorKeys().indexOf("kahu:lemon-duck"), dlt = model.actorKeys().indexOf("kahu:dltminer");
        assertThat(restricted.actorKeys()).isEqualTo(model.actorKeys());
        double[] all = model.weights(List.of(t("T1496.001")))[0], seen = restricted.weights(List.of(t("T1496.001")))[0];
        assertThat(all[dlt] - all[ld]).isPositive();
        assertThat(seen[dlt] - seen[ld]).isLessThan((all[dlt] - all[ld]) / 2);
        assertThat(restricted.observableTechniques()).isEqualTo(observable);
        assertThat(model.observableTechniques()).isEmpty();
    }

    @Test
    void anActorWhoseKnownTechniquesAreAllUnseeableExplainsNothingSeen() {
        AttributionModel restricted = AttributionModel.forObservable(kb, java.util.Set.of("T1496.001"));
        int hafnium = model.actorKeys().indexOf("G0125"), ld = model.actorKeys().indexOf("kahu:lemon-duck");
        double[] w = restricted.weights(List.of(t("T1496.001")))[0];
        // HAFNIUM has techniques, none of them observable here: the miner is unexplained under it (noise only),
        // which weighs against it, where an actor with no technique profile at all would stay neutral.
        assertThat(w[hafnium]).isNegative();
        assertThat(w[ld]).isPositive();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AttributionModel.forObservable(kb, java.util.Set.of()));
    }
}
