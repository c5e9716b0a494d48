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

    /** The calendar arithmetic gives what LocalDateTime per event gave (the earlier implementation, kept here). */
    @Test
    void sameFitAsLocalDateTimeOverRandomTimestamps() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<Instant> events = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            long base = random.nextLong(-2_000_000_000L, 4_000_000_000L);
            for (int i = 0; i < n; i++) {
                // whole minutes and the office day's edges (17:00:00 exactly and a nanosecond after) come up often
                long s = base + random.nextInt(30 * 86_400);
                if (i % 3 == 0) s -= Math.floorMod(s, 60);
                events.add(Instant.ofEpochSecond(s, i % 5 == 0 ? random.nextInt(2) : 0));
            }
            assertThat(WorkingHours.bestFit(events)).as("round %d", round).isEqualTo(reference(events));
        }
    }

    private static java.util.Optional<WorkingHours.Fit> reference(List<Instant> events) {
        WorkingHours.Fit best = null;
        int bestOffice = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int minutes = -12 * 60; minutes <= 14 * 60; minutes += 30) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(minutes * 60);
            int explained = 0, office = 0;
            double hourSum = 0;
            for (Instant e : events) {
                LocalDateTime local = LocalDateTime.ofInstant(e, offset);
                hourSum += local.getHour() + local.getMinute() / 60.0;
                boolean weekday = local.getDayOfWeek().getValue() <= 5;
                if (weekday && local.getHour() >= 8 && local.getHour() < 19) {
                    explained++;
                    if (!local.toLocalTime().isBefore(LocalTime.of(9, 0)) && !local.toLocalTime().isAfter(LocalTime.of(17, 0))) office++;
                }
            }
            double distance = Math.abs(hourSum / events.size() - 13.0);
            if (best == null || explained > best.explained()
                    || (explained == best.explained() && (office > bestOffice || (office == bestOffice && distance < bestDistance)))) {
                best = new WorkingHours.Fit(offset, explained, events.size());
                bestOffice = office;
                bestDistance = distance;
            }
        }
        return java.util.Optional.ofNullable(best);
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
