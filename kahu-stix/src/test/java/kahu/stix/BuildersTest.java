package kahu.stix;

import kahu.stix.codec.StixCodec;
import kahu.stix.id.StixIds;
import kahu.stix.model.Bundle;
import kahu.stix.model.Identity;
import kahu.stix.model.Indicator;
import kahu.stix.model.IntrusionSet;
import kahu.stix.model.Relationship;
import kahu.stix.model.StixTimestamp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildersTest {

    @Test
    void buildersFailFastNamingTheProblem() {
        assertThatThrownBy(() -> IntrusionSet.builder().build()).hasMessage("intrusion-set: name is required");
        assertThatThrownBy(() -> IntrusionSet.builder().name(" ")).hasMessageContaining("name must not be blank");
        assertThatThrownBy(() -> IntrusionSet.builder().name("x").created(StixTimestamp.parse("2024-01-02T00:00:00Z"))
                .modified(StixTimestamp.parse("2024-01-01T00:00:00Z")).build()).hasMessageContaining("must not be earlier than created");
        assertThatThrownBy(() -> Identity.builder().name("x").createdByRef("someone")).hasMessageContaining("created_by_ref must be an identity id");
        assertThatThrownBy(() -> Identity.builder().confidence(101)).hasMessageContaining("confidence must be 0..100");
        assertThatThrownBy(() -> Indicator.builder().name("x").build()).hasMessageContaining("pattern and pattern_type are required");
        assertThatThrownBy(() -> Indicator.builder().stixPattern("ipv4-addr:value = '1.2.3.4'")).hasMessageContaining("starts with '['");
        assertThatThrownBy(() -> Relationship.builder().source("APT29")).hasMessageContaining("source_ref must be a STIX id");
        assertThatThrownBy(() -> Relationship.builder().relationshipType("Uses!")).hasMessageContaining("relationship_type must match");
        assertThatThrownBy(() -> Relationship.builder().relationshipType("uses").source(StixIds.newId("tool")).build())
                .hasMessageContaining("target_ref is required");
        assertThatThrownBy(() -> Bundle.builder().id("bundle--nope").build()).hasMessageContaining("bundle id must be");
        assertThatThrownBy(() -> IntrusionSet.builder().marking("TLP:RED")).hasMessageContaining("marking-definition ids");
        assertThatThrownBy(() -> IntrusionSet.builder().customProperty("X-Bad", TestData.json("{}"))).hasMessageContaining("custom property name");
    }

    @Test
    void buildersFillSensibleDefaults() {
        IntrusionSet set = IntrusionSet.builder().name("APT29").build();
        assertThat(StixIds.isValid(set.id(), "intrusion-set")).isTrue();
        assertThat(set.common().specVersion()).isEqualTo("2.1");
        assertThat(set.common().modified()).isEqualTo(set.common().created());
        assertThat(set.common().created().fractionDigits()).isEqualTo(3);
        Indicator ind = Indicator.builder().stixPattern("[domain-name:value = 'example.com']").build();
        assertThat(ind.validFrom()).isEqualTo(ind.common().created());
        assertThat(ind.patternType()).isEqualTo("stix");
    }

    @Test
    void aBundleSerialisesItsObjects() {
        IntrusionSet set = IntrusionSet.builder().name("APT29").build();
        Relationship r = Relationship.of(StixIds.newId("campaign"), "attributed-to", set.id());
        String json = StixCodec.toJsonString(Bundle.builder().add(set).add(r).build());
        assertThat(json).startsWith("{\"type\":\"bundle\",\"id\":\"bundle--").contains("\"relationship_type\":\"attributed-to\"")
                .doesNotContain("spec_version\":\"2.1\",\"objects");
    }
}
