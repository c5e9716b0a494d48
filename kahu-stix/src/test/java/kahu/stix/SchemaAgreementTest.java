package kahu.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.codec.StixCodec;
import kahu.stix.marking.StatementMarking;
import kahu.stix.marking.Tlp;
import kahu.stix.model.Bundle;
import kahu.stix.model.ExternalReference;
import kahu.stix.model.Identity;
import kahu.stix.model.Indicator;
import kahu.stix.model.IntrusionSet;
import kahu.stix.model.Relationship;
import kahu.stix.model.StixObject;
import kahu.stix.model.StixTimestamp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our validator and the OASIS schemas must agree; everything Kahu writes must pass the schemas. */
class SchemaAgreementTest {

    @Test
    void validatorAndOasisSchemasAgreeOnTheExamplesAndTheAttackSample() {
        for (ObjectNode o : TestData.corpus()) {
            List<String> ours = StixValidator.validate(o);
            List<String> theirs = OasisSchemas.validate(o);
            assertThat(ours).as("Kahu on " + o.path("id").asText()).isEmpty();
            assertThat(theirs).as("OASIS on " + o.path("id").asText()).isEmpty();
        }
    }

    @Test
    void bothRejectDeliberatelyInvalidObjects() {
        List<ObjectNode> invalid = List.of(
                // indicator without pattern_type
                TestData.json("""
                        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                         "created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z",
                         "pattern":"[ipv4-addr:value = '198.51.100.1']","valid_from":"2020-01-01T00:00:00Z"}"""),
                // relationship whose target is not an identifier
                TestData.json("""
                        {"type":"relationship","spec_version":"2.1","id":"relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                         "created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z","relationship_type":"uses",
                         "source_ref":"intrusion-set--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","target_ref":"T1566"}"""),
                // malformed timestamp and an id of the wrong type
                TestData.json("""
                        {"type":"intrusion-set","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                         "created":"2020-01-01 00:00:00","modified":"2020-01-01T00:00:00Z","name":"x"}"""),
                // created without millisecond precision
                TestData.json("""
                        {"type":"campaign","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                         "created":"2020-01-01T00:00:00Z","modified":"2020-01-01T00:00:00.000Z","name":"x"}"""),
                // malware without is_family
                TestData.json("""
                        {"type":"malware","spec_version":"2.1","id":"malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                         "created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z","name":"x"}"""),
                // ipv4-addr without value
                TestData.json("{\"type\":\"ipv4-addr\",\"id\":\"ipv4-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"}"));
        for (ObjectNode o : invalid) {
            assertThat(StixValidator.validate(o)).as("Kahu on " + o).isNotEmpty();
            assertThat(OasisSchemas.validate(o)).as("OASIS on " + o).isNotEmpty();
        }
    }

    @Test
    void everythingKahuWritesPassesTheOasisSchemas() {
        List<StixObject> written = new ArrayList<>(KahuWrites.samples());
        TestData.corpus().stream().map(StixCodec::fromJson).forEach(written::add);
        for (StixObject o : written) {
            ObjectNode json = StixCodec.toJson(o);
            assertThat(OasisSchemas.validate(json)).as(json.toString()).isEmpty();
            assertThat(StixValidator.validate(json)).as(json.toString()).isEmpty();
        }
        Bundle bundle = Bundle.builder().addAll(KahuWrites.samples()).build();
        assertThat(OasisSchemas.validate(StixCodec.toJson(bundle))).isEmpty();
    }

    /** One of each thing Kahu makes: builders' output, TLP and statement markings, deterministic observables. */
    static final class KahuWrites {
        static List<StixObject> samples() {
            StixTimestamp t = StixTimestamp.parse("2024-05-01T10:00:00.000Z");
            Identity ncsc = Identity.builder().name("Kahu NCSC").identityClass("organization").sectors("government")
                    .created(t).marking(Tlp.CLEAR.markingId()).build();
            IntrusionSet apt29 = IntrusionSet.builder().name("APT29").aliases("Cozy Bear", "Midnight Blizzard")
                    .createdByRef(ncsc.id()).created(t).modified(StixTimestamp.parse("2024-05-02T00:00:00Z"))
                    .firstSeen(StixTimestamp.parse("2008-01-01T00:00:00Z")).confidence(85).marking(Tlp.AMBER.markingId())
                    .externalReference(ExternalReference.of("mitre-attack", "G0016", "https://attack.mitre.org/groups/G0016"))
                    .customProperty("x_kahu_score", TestData.json("{\"p\":0.9}")).build();
            Indicator ind = Indicator.builder().stixPattern("[ipv4-addr:value = '198.51.100.3']")
                    .indicatorTypes("malicious-activity").createdByRef(ncsc.id()).created(t)
                    .killChainPhase("mitre-attack", "command-and-control").build();
            Relationship rel = Relationship.builder().source(ind.id()).relationshipType("indicates").target(apt29.id()).created(t).build();
            List<StixObject> out = new ArrayList<>(List.of(ncsc, apt29, ind, rel,
                    StatementMarking.builder().statement("Copyright Kahu").createdByRef(ncsc.id()).build(),
                    Observables.ipv4("198.51.100.3"), Observables.ipv6("2001:db8::1"), Observables.domainName("example.com"),
                    Observables.url("https://example.com/a"), Observables.emailAddr("a@example.com"),
                    Observables.macAddr("00:00:5e:00:53:01"), Observables.mutex("Global\\x"),
                    Observables.autonomousSystem(64496, "Example AS"),
                    Observables.file(Map.of("SHA-256", "0969de02ecf8a5f003e3f6d063d848c8a193aada092623f8ce408c15bcb5f038"), "x.exe")));
            for (Tlp level : Tlp.values()) out.add(level.markingDefinition());
            return out;
        }
    }
}
