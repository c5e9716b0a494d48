package kahu.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.codec.StixCodec;
import kahu.stix.codec.StixFormatException;
import kahu.stix.model.Bundle;
import kahu.stix.model.CustomObject;
import kahu.stix.model.IntrusionSet;
import kahu.stix.model.Malware;
import kahu.stix.model.Relationship;
import kahu.stix.model.StixObject;
import kahu.stix.model.StixTimestamp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecRoundTripTest {

    @Test
    void everyExampleAndAttackSampleObjectSurvivesFromJsonToJson() {
        List<ObjectNode> corpus = TestData.corpus();
        assertThat(corpus).hasSizeGreaterThan(260 + 700);
        for (ObjectNode original : corpus) {
            StixObject record = StixCodec.fromJson(original.deepCopy());
            assertThat(StixCodec.toJson(record)).as(original.path("id").asText()).isEqualTo(original);
        }
    }

    @Test
    void wholeBundlesRoundTrip() {
        for (var file : TestData.exampleFiles()) {
            if (file.getFileName().toString().startsWith("interop")) continue; // a single object, not a bundle
            try {
                ObjectNode bundle = (ObjectNode) TestData.MAPPER.readTree(file.toFile());
                Bundle b = StixCodec.bundleFromJson(bundle);
                assertThat(StixCodec.toJson(b)).as(file.toString()).isEqualTo(bundle);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void attackObjectsBecomeTypedRecordsAndKeepMitreProperties() {
        List<StixObject> records = TestData.objectsOf(TestData.attackSample()).stream().map(StixCodec::fromJson).toList();
        IntrusionSet apt29 = records.stream().filter(o -> o instanceof IntrusionSet i && "APT29".equals(i.name()))
                .map(IntrusionSet.class::cast).findFirst().orElseThrow();
        assertThat(apt29.aliases()).contains("Cozy Bear");
        assertThat(apt29.other()).containsKey("x_mitre_domains");
        assertThat(apt29.common().externalReferences().getFirst().externalId()).isEqualTo("G0016");
        assertThat(records).anySatisfy(o -> assertThat(o).isInstanceOf(Malware.class));
        assertThat(records).anySatisfy(o -> assertThat(o).isInstanceOf(Relationship.class));
        assertThat(records).filteredOn(o -> o instanceof CustomObject).allSatisfy(o -> assertThat(o.type()).startsWith("x-mitre-"));
    }

    @Test
    void timestampsAreWrittenBackWithTheirOwnPrecision() {
        for (String text : List.of("2021-04-27T01:56:35.810Z", "2021-04-27T01:56:35Z", "2021-04-27T01:56:35.8Z",
                "2016-01-20T12:31:12.123456789Z", "2021-04-27T01:56:35.000Z")) {
            assertThat(StixTimestamp.parse(text).toString()).isEqualTo(text);
        }
        ObjectNode o = TestData.json("""
                {"type":"campaign","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                 "created":"2021-04-27T01:56:35Z","modified":"2021-04-27T01:56:35.810Z","name":"x",
                 "first_seen":"2021-04-27T01:56:35.8100Z"}""");
        String written = StixCodec.toJsonString(StixCodec.fromJson(o));
        assertThat(written).contains("\"created\":\"2021-04-27T01:56:35Z\"", "\"modified\":\"2021-04-27T01:56:35.810Z\"",
                "\"first_seen\":\"2021-04-27T01:56:35.8100Z\"");
    }

    @Test
    void badTimestampsAndTypesFailWithThePropertyNamed() {
        assertThatThrownBy(() -> StixTimestamp.parse("2021-04-27 01:56:35Z")).hasMessageContaining("not a STIX timestamp");
        assertThatThrownBy(() -> StixTimestamp.parse("2021-02-30T00:00:00Z")).hasMessageContaining("not a valid date");
        ObjectNode o = TestData.json("""
                {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                 "created":"2021-04-27T01:56:35Z","modified":"2021-04-27T01:56:35Z","name":7}""");
        assertThatThrownBy(() -> StixCodec.fromJson(o)).isInstanceOf(StixFormatException.class)
                .hasMessageContaining("'name' must be a string");
    }

    @Test
    void recordsAreImmutable() {
        ObjectNode o = TestData.json("""
                {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                 "created":"2021-04-27T01:56:35Z","modified":"2021-04-27T01:56:35Z","name":"n","aliases":["a"],
                 "x_custom":{"k":"v"}}""");
        IntrusionSet set = (IntrusionSet) StixCodec.fromJson(o);
        ((ObjectNode) o.get("x_custom")).put("k", "changed");
        assertThat(set.other().get("x_custom").get("k").asText()).isEqualTo("v");
        assertThatThrownBy(() -> set.aliases().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
