package kahu.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast ISO path gives the JDK's answers: same instants, same text, same failures. */
class IsoInstantTest {
    @Test
    void printsAndParsesAsTheJdkDoesOverManyInstants() {
        Random r = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            long seconds = r.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            String jdk = t.toString();
            assertThat(IsoInstant.format(t)).isEqualTo(jdk);
            assertThat(IsoInstant.parse(jdk)).isEqualTo(t);
        }
    }

    @Test
    void otherShapesAreTheJdksToParse() {
        for (String s : List.of("2021-03-02T07:11:03Z", "2021-03-02T07:11:03.5Z", "2021-03-02T07:11:03.Z", "2021-03-02T07:11:03.123456789Z",
                "2021-03-02T07:11:03+13:00", "2021-03-02t07:11:03z", "2016-12-31T23:59:60Z", "2021-03-02T24:00:00Z")) {
            Instant jdk;
            try {
                jdk = Instant.parse(s);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> IsoInstant.parse(s)).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(IsoInstant.parse(s)).as(s).isEqualTo(jdk);
        }
        for (String bad : List.of("2021-02-30T07:11:03Z", "2021-13-02T07:11:03Z", "2021-03-02T07:61:03Z",
                "2021-03-02T07:11:03.1234567890Z", "2021-03-02 07:11:03Z", "x021-03-02T07:11:03Z")) {
            assertThat(IsoInstant.parseUtc(bad)).as(bad).isNull();
            assertThatThrownBy(() -> IsoInstant.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
