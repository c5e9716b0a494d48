package kahu.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.codec.StixCodec;
import kahu.stix.id.JsonCanonicalizer;
import kahu.stix.id.ObservableIds;
import kahu.stix.id.StixIds;
import kahu.stix.model.FileObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ObservableIdsTest {

    @Test
    void ipv4ExampleFromTheSpecificationHasItsPublishedId() {
        // STIX 2.1 (with Errata 01) §2.9 identifier example: 198.51.100.3. The original 2.1 text showed
        // ipv4-addr--ff26c055-…, which no implementation of the spec's own algorithm produces.
        assertThat(Observables.ipv4("198.51.100.3").id()).isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
    }

    @Test
    void domainNameExampleFromTheSpecificationHasItsPublishedId() {
        // STIX 2.1 Errata 01 domain-name example vector: example.com.
        assertThat(Observables.domainName("example.com").id()).isEqualTo("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
    }

    @Test
    void idsAgreeWithOtherImplementations() {
        // Values other STIX libraries publish in their tests (cross-checked with Python's uuid.uuid5).
        assertThat(Observables.ipv6("2001:db8::1").id()).isEqualTo("ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26");
        assertThat(Observables.autonomousSystem(15139, null).id()).isEqualTo("autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff");
    }

    @Test
    void uuidV5MatchesTheRfcExample() {
        // RFC 4122 / Python uuid docs: uuid5(NAMESPACE_DNS, 'python.org').
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(StixIds.uuidV5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    @Test
    void onlyOneHashContributesInPreferenceOrder() {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("SHA-256", "a".repeat(64));
        hashes.put("MD5", "b".repeat(32));
        FileObject both = Observables.file(hashes, "x.exe");
        FileObject md5Only = Observables.file(Map.of("MD5", "b".repeat(32)), "x.exe");
        assertThat(both.id()).isEqualTo(md5Only.id());
        assertThat(ObservableIds.contributingJson("file", StixCodec.toJson(both)).toString())
                .isEqualTo("{\"hashes\":{\"MD5\":\"" + "b".repeat(32) + "\"},\"name\":\"x.exe\"}");
    }

    @Test
    void networkTrafficUsesItsContributingPropertiesOnly() {
        ObjectNode a = TestData.json("""
                {"type":"network-traffic","id":"network-traffic--00000000-0000-4000-8000-000000000000",
                 "src_ref":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","dst_port":443,"protocols":["tcp"],"src_byte_count":10}""");
        ObjectNode b = a.deepCopy().put("src_byte_count", 99);
        assertThat(ObservableIds.idFor(a)).isEqualTo(ObservableIds.idFor(b)).startsWith("network-traffic--");
        assertThat(ObservableIds.idFor(a)).isNotEqualTo(ObservableIds.idFor(a.deepCopy().put("dst_port", 80)));
    }

    @Test
    void processHasNoContributingPropertiesSoGetsRandomIds() {
        ObjectNode p = TestData.json("{\"type\":\"process\",\"pid\":4}");
        assertThat(ObservableIds.idFor(p)).isNotEqualTo(ObservableIds.idFor(p));
    }

    @Test
    void canonicalJsonFollowsRfc8785() {
        ObjectNode o = TestData.json("""
                {"b":[1e0, 1.5, -0.0, 1e21, 1e-7, 100, 0.000001, 123456789012345678],"a":"\\u00e9\\n\\u001f\\"","\\u20ac":true,"\\r":null}""");
        assertThat(JsonCanonicalizer.canonicalize(o)).isEqualTo(
                "{\"\\r\":null,\"a\":\"é\\n\\u001f\\\"\",\"b\":[1,1.5,0,1e+21,1e-7,100,0.000001,123456789012345680],\"€\":true}");
    }
}
