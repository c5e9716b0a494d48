package kahu.attribution;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Which UTC offset's working week best explains when an operator was active. Every offset from
 * −12:00 to +14:00 in half hours is tried; the one that puts the most timestamps on a weekday
 * between 08:00 and 19:00 local time wins. The working window is wider than a 09:00–17:00 day, so
 * several neighbouring offsets often explain the same share; among those the one that puts the most
 * events in a 09:00–17:00 office day wins, and then the one that puts the average event nearest
 * 13:00, the middle of that day.
 * <p>
 * Operators take holidays and overtime, and a false flag can be timed on purpose; hence the small
 * reliability {@link EvidenceKind#TIMING} carries and the threshold below which nothing is claimed.
 */
public final class WorkingHours {
    /** Fewer timestamps than this say nothing about a working week. */
    public static final int MIN_EVENTS = 5;
    /** The share of events an offset must explain before Kahu claims it. */
    public static final double MIN_SHARE = 0.6;

    private static final int WORK_START_HOUR = 8, WORK_END_HOUR = 19;
    private static final java.time.LocalTime OFFICE_START = java.time.LocalTime.of(9, 0), OFFICE_END = java.time.LocalTime.of(17, 0);
    private static final double MIDDAY_HOURS = 13.0;
    private static final int MIN_OFFSET_MINUTES = -12 * 60, MAX_OFFSET_MINUTES = 14 * 60, STEP_MINUTES = 30;

    /**
     * The best offset for some timestamps.
     *
     * @param offset    the winning offset
     * @param explained how many timestamps fall in its working hours
     * @param total     how many timestamps there were
     */
    public record Fit(ZoneOffset offset, int explained, int total) {
        public double share() {
            return total == 0 ? 0 : (double) explained / total;
        }

        public boolean conclusive() {
            return total >= MIN_EVENTS && share() >= MIN_SHARE;
        }

        /** "+08:00" (never "Z", so that every value has one form). */
        public String offsetText() {
            return offsetText(offset);
        }

        static String offsetText(ZoneOffset o) {
            return o.getTotalSeconds() == 0 ? "+00:00" : o.getId();
        }
    }

    private WorkingHours() {}

    /** The offset that explains most of {@code events}; empty when there are none. */
    public static Optional<Fit> bestFit(List<Instant> events) {
        if (events.isEmpty()) return Optional.empty();
        // Local times by arithmetic on epoch seconds, not LocalDateTime per event and offset: a campaign pools
        // hundreds of thousands of timestamps, each tried at 53 offsets. The same calendar, so the same answers.
        long[] seconds = new long[events.size()];
        boolean[] whole = new boolean[events.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = events.get(i).getEpochSecond();
            whole[i] = events.get(i).getNano() == 0;
        }
        Fit best = null;
        int bestOffice = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int minutes = MIN_OFFSET_MINUTES; minutes <= MAX_OFFSET_MINUTES; minutes += STEP_MINUTES) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(minutes * 60);
            int explained = 0, office = 0;
            double hourSum = 0;
            for (int i = 0; i < seconds.length; i++) {
                long local = seconds[i] + minutes * 60L;
                long day = Math.floorDiv(local, SECONDS_PER_DAY);
                int second = (int) Math.floorMod(local, SECONDS_PER_DAY);
                int hour = second / 3600, minute = second % 3600 / 60;
                hourSum += hour + minute / 60.0;
                if (isWorkingTime(Math.floorMod(day + 3, 7), hour)) { // 1970-01-01 was a Thursday: 0 is Monday
                    explained++;
                    // 09:00 to 17:00 inclusive, to the nanosecond
                    if (second >= OFFICE_START_SECOND && (second < OFFICE_END_SECOND || second == OFFICE_END_SECOND && whole[i])) office++;
                }
            }
            double distance = Math.abs(hourSum / events.size() - MIDDAY_HOURS);
            boolean better = best == null || explained > best.explained()
                    || (explained == best.explained() && (office > bestOffice || (office == bestOffice && distance < bestDistance)));
            if (better) {
                best = new Fit(offset, explained, events.size());
                bestOffice = office;
                bestDistance = distance;
            }
        }
        return Optional.of(best);
    }

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int OFFICE_START_SECOND = OFFICE_START.toSecondOfDay(), OFFICE_END_SECOND = OFFICE_END.toSecondOfDay();

    /** @param dayOfWeek 0 for Monday to 6 for Sunday */
    private static boolean isWorkingTime(long dayOfWeek, int hour) {
        return dayOfWeek < 5 && hour >= WORK_START_HOUR && hour < WORK_END_HOUR;
    }
}
