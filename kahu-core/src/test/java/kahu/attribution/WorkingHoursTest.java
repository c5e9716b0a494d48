package kahu.attribution;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingHoursTest {
    /** Events on the weekdays of four weeks, at random minutes between 09:00 and 17:00 local time. */
    static List<Instant> officeHours(ZoneOffset offset, long seed) {
        Random random = new Random(seed);
        List<Instant> events = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2021, 3, 1); day.isBefore(LocalDate.of(2021, 3, 29)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() >= 6) continue;
            for (int i = 0; i < 6; i++) {
                LocalTime t = LocalTime.of(9, 0).plusMinutes(random.nextInt(8 * 60 + 1));
                events.add(LocalDateTime.of(day, t).toInstant(offset));
            }
        }
        return events;
    }

    @Test
    void officeHoursInUtcPlus8AreFound() {
        WorkingHours.Fit fit = WorkingHours.bestFit(officeHours(ZoneOffset.ofHours(8), 42)).orElseThrow();
        assertThat(fit.offsetText()).isEqualTo("+08:00");
        assertThat(fit.share()).isEqualTo(1.0);
        assertThat(fit.conclusive()).isTrue();
    }

    @Test
    void halfHourAndNegativeOffsetsAreFound() {
        assertThat(WorkingHours.bestFit(officeHours(ZoneOffset.ofHoursMinutes(5, 30), 7)).orElseThrow().offsetText()).isEqualTo("+05:30");
        assertThat(WorkingHours.bestFit(officeHours(ZoneOffset.ofHours(-5), 7)).orElseThrow().offsetText()).isEqualTo("-05:00");
        assertThat(WorkingHours.bestFit(officeHours(ZoneOffset.UTC, 7)).orElseThrow().offsetText()).isEqualTo("+00:00");
    }

    @Test
    void uniformRandomTimesAreInconclusive() {
        Random random = new Random(1);
        long start = Instant.parse("2021-01-01T00:00:00Z").getEpochSecond();
        List<Instant> events = new ArrayList<>();
        for (int i = 0; i < 2000; i++) events.add(Instant.ofEpochSecond(start + (long) (random.nextDouble() * 365 * 86400)));
        WorkingHours.Fit fit = WorkingHours.bestFit(events).orElseThrow();
        assertThat(fit.share()).isLessThan(WorkingHours.MIN_SHARE);
        assertThat(fit.conclusive()).isFalse();
    }

    @Test
    void tooFewEventsAreInconclusiveAndNoneGiveNothing() {
        List<Instant> four = officeHours(ZoneOffset.ofHours(8), 3).subList(0, 4);
        assertThat(WorkingHours.bestFit(four).orElseThrow().conclusive()).isFalse();
        assertThat(WorkingHours.bestFit(List.of())).isEmpty();
    }
}
