package kahu.simulate;

/**
 * Timestamps in the layouts the logs use, appended without allocation (the generator formats millions
 * of them): IIS {@code 2021-03-03 02:41:07}, ISO {@code 2021-03-03T02:41:07.331Z}, file-name keys.
 */
final class Times {
    private Times() {}

    static final long DAY = 86_400_000L, HOUR = 3_600_000L, MINUTE = 60_000L, SECOND = 1000L;

    /** {year, month, day} of a UTC day number (days since 1970-01-01); Howard Hinnant's civil_from_days. */
    static int[] civil(long epochDay) {
        long z = epochDay + 719468, era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
        return new int[] {(int) (yoe + era * 400 + (m <= 2 ? 1 : 0)), (int) m, (int) d};
    }

    static void date(StringBuilder sb, long millis, char sep) {
        int[] c = civil(Math.floorDiv(millis, DAY));
        sb.append(c[0]).append(sep);
        two(sb, c[1]).append(sep);
        two(sb, c[2]);
    }

    static void clock(StringBuilder sb, long millis) {
        long ms = Math.floorMod(millis, DAY);
        two(sb, (int) (ms / HOUR)).append(':');
        two(sb, (int) (ms / MINUTE % 60)).append(':');
        two(sb, (int) (ms / SECOND % 60));
    }

    /** {@code 2021-03-03 02:41:07} (IIS). */
    static void iis(StringBuilder sb, long millis) {
        date(sb, millis, '-');
        sb.append(' ');
        clock(sb, millis);
    }

    /** {@code 2021-03-03T02:41:07.331Z}. */
    static void iso(StringBuilder sb, long millis) {
        date(sb, millis, '-');
        sb.append('T');
        clock(sb, millis);
        int ms = (int) Math.floorMod(millis, SECOND);
        sb.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10)).append('Z');
    }

    static String iso(long millis) {
        StringBuilder sb = new StringBuilder(24);
        iso(sb, millis);
        return sb.toString();
    }

    /** {@code 210303}: IIS daily file names. */
    static String yymmdd(long millis) {
        int[] c = civil(Math.floorDiv(millis, DAY));
        StringBuilder sb = new StringBuilder(6);
        two(sb, c[0] % 100);
        two(sb, c[1]);
        return two(sb, c[2]).toString();
    }

    /** {@code 2021030302}: Exchange hourly file names ({@code withHour} false: {@code 20210303}). */
    static String stamp(long millis, boolean withHour) {
        int[] c = civil(Math.floorDiv(millis, DAY));
        StringBuilder sb = new StringBuilder(10).append(c[0]);
        two(sb, c[1]);
        two(sb, c[2]);
        if (withHour) two(sb, (int) (Math.floorMod(millis, DAY) / HOUR));
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
