package kahu.simulate;

/** IPv4 addresses as ints: prefixes, picking an address in one, and text without allocation beyond the result. */
final class Addresses {
    private Addresses() {}

    /** A prefix's first address and size. */
    record Prefix(int base, int size) {
        int at(long index) {
            return base + (int) Math.floorMod(index, (long) size);
        }
    }

    /** "a.b.c.d/n" with 8 ≤ n ≤ 32, or null. */
    static Prefix parsePrefix(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) return null;
        Integer ip = parse(s.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (ip == null || bits < 8 || bits > 32) return null;
        int mask = bits == 0 ? 0 : -1 << (32 - bits);
        return new Prefix(ip & mask, 1 << (32 - bits));
    }

    static Integer parse(String s) {
        String[] p = s.trim().split("\\.");
        if (p.length != 4) return null;
        int v = 0;
        for (String x : p) {
            try {
                int o = Integer.parseInt(x);
                if (o < 0 || o > 255) return null;
                v = v << 8 | o;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v;
    }

    static String text(int ip) {
        return new StringBuilder(15).append(ip >>> 24).append('.').append(ip >>> 16 & 255).append('.')
                .append(ip >>> 8 & 255).append('.').append(ip & 255).toString();
    }

    static void append(StringBuilder sb, int ip) {
        sb.append(ip >>> 24).append('.').append(ip >>> 16 & 255).append('.').append(ip >>> 8 & 255).append('.').append(ip & 255);
    }
}
