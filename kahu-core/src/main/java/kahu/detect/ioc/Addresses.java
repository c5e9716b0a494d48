package kahu.detect.ioc;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** IP addresses as primitive keys: IPv4 as an int, IPv6 as two longs; parsed from text without the ipaddress library on the hot path. */
final class Addresses {
    private Addresses() {}

    /** Dotted-quad IPv4 in s[start, end) as an int, or Long.MIN_VALUE when it is not one. */
    static long ipv4(CharSequence s, int start, int end) {
        int value = 0, octet = -1, dots = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = octet < 0 ? c - '0' : octet * 10 + (c - '0');
                if (octet > 255) return Long.MIN_VALUE;
            } else if (c == '.' && octet >= 0 && dots < 3) {
                value = (value << 8) | octet;
                octet = -1;
                dots++;
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (dots != 3 || octet < 0) return Long.MIN_VALUE;
        return (value << 8) | octet;
    }

    static int mask4(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    /** {hi, lo} of an IPv6 address in s[start, end), or null. Hex groups and at most one "::"; no embedded IPv4. */
    static long[] ipv6(CharSequence s, int start, int end) {
        int gap = -1;
        for (int i = start; i + 1 < end; i++) {
            if (s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
                if (gap >= 0) return null;
                gap = i;
                i++;
            }
        }
        int[] groups = new int[8];
        int n;
        if (gap < 0) {
            n = groups(s, start, end, groups, 0);
            if (n != 8) return null;
        } else {
            int head = groups(s, start, gap, groups, 0);
            int[] tail = new int[8];
            int t = head < 0 ? -1 : groups(s, gap + 2, end, tail, 0);
            if (t < 0 || head + t > 7) return null;
            System.arraycopy(tail, 0, groups, 8 - t, t);
        }
        long hi = 0, lo = 0;
        for (int k = 0; k < 4; k++) hi = (hi << 16) | groups[k];
        for (int k = 4; k < 8; k++) lo = (lo << 16) | groups[k];
        return new long[] {hi, lo};
    }

    /** Colon-separated hex groups of 1-4 digits in s[from, to) into out; the count, or -1. An empty range has 0. */
    private static int groups(CharSequence s, int from, int to, int[] out, int n) {
        if (from == to) return 0;
        int group = 0, digits = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? s.charAt(i) : ':';
            if (c == ':') {
                if (digits == 0 || n == 8) return -1;
                out[n++] = group;
                group = 0;
                digits = 0;
            } else {
                int d = Character.digit(c, 16);
                if (d < 0 || ++digits > 4) return -1;
                group = (group << 4) | d;
            }
        }
        return n;
    }

    /** {hi, lo, prefix length or -1} of a normalised IPv6 indicator value. */
    static long[] ipv6Indicator(String normalised) {
        IPAddress a = new IPAddressString(normalised).getAddress();
        byte[] b = a.getLower().getBytes();
        long hi = 0, lo = 0;
        for (int k = 0; k < 8; k++) hi = (hi << 8) | (b[k] & 0xff);
        for (int k = 8; k < 16; k++) lo = (lo << 8) | (b[k] & 0xff);
        Integer prefix = a.getNetworkPrefixLength();
        return new long[] {hi, lo, prefix == null ? -1 : prefix};
    }

    static long maskHi(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    static long maskLo(int length) {
        return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
    }
}
