package kahu.stix;

import kahu.stix.codec.StixCodec;
import kahu.stix.marking.Tlp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlpTest {

    @Test
    void levelsAreOrderedByRestriction() {
        assertThat(Tlp.values()).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);
        assertThat(Tlp.AMBER_STRICT.isMoreRestrictiveThan(Tlp.AMBER)).isTrue();
        assertThat(Tlp.mostRestrictive(Tlp.GREEN, Tlp.RED, Tlp.AMBER)).isEqualTo(Tlp.RED);
        assertThat(Tlp.parse("TLP:AMBER+STRICT")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("white")).isEqualTo(Tlp.CLEAR);
        assertThatThrownBy(() -> Tlp.parse("TLP:PURPLE")).hasMessageContaining("not a TLP level");
    }

    @Test
    void markingDefinitionsAreTheOnesOasisPublishes() {
        assertThat(StixCodec.toJsonString(Tlp.AMBER_STRICT.markingDefinition())).isEqualTo(
                "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003\","
                        + "\"created\":\"2022-10-01T00:00:00.000Z\",\"extensions\":{\"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d\":"
                        + "{\"extension_type\":\"property-extension\",\"tlp_2_0\":\"amber+strict\"}},\"name\":\"TLP:AMBER+STRICT\"}");
        assertThat(Tlp.fromMarkingId(Tlp.RED.markingId())).contains(Tlp.RED);
        assertThat(Tlp.fromMarkingId("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da")).contains(Tlp.GREEN);
    }
}
