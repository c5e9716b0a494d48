package kahu.stix;

import kahu.stix.codec.StixCodec;
import kahu.stix.id.ObservableIds;
import kahu.stix.model.CyberObservable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated observables survive the codec, keep their deterministic id, and pass validation. */
class ObservableRoundTripPropertiesTest {

    @Property(tries = 300)
    void observablesRoundTripAndKeepTheirIds(@ForAll("observables") CyberObservable sco) {
        var json = StixCodec.toJson(sco);
        assertThat(StixCodec.toJson(StixCodec.fromJson(json.deepCopy()))).isEqualTo(json);
        assertThat(ObservableIds.hasDeterministicId(json)).isTrue();
        assertThat(StixValidator.validate(json)).isEmpty();
    }

    @Provide
    Arbitrary<CyberObservable> observables() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> ipv4 = Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(40); // any Unicode: exercises JCS escaping
        Arbitrary<String> sha256 = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        return Arbitraries.oneOf(
                ipv4.map(Observables::ipv4),
                label.map(l -> Observables.domainName(l + ".example")),
                label.map(l -> Observables.url("https://" + l + ".example/" + l)),
                text.map(Observables::mutex),
                Arbitraries.longs().between(1, 4_294_967_295L).map(n -> Observables.autonomousSystem(n, null)),
                Combinators.combine(sha256, text).as((h, n) -> Observables.file(Map.of("SHA-256", h), n)));
    }
}
