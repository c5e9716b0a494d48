package kahu.correlate;

/**
 * Whether an IPv4/IPv6 address is on the public internet: private (RFC 1918), loopback, link-local,
 * carrier-grade NAT (RFC 6598) and unique-local addresses are the victim's own network and tie nothing.
 */
final class PublicAddress {
    private PublicAddress() {}

    static boolean isPublic(String ip) {
        if (ip == null || ip.isBlank() || "-".equals(ip)) return false;
        if (ip.indexOf(':') >= 0) {
            String l = ip.toLowerCase(java.util.Locale.ROOT);
            return !(l.equals("::1") || l.startsWith("fe80") || l.startsWith("fc") || l.startsWith("fd") || l.startsWith("::ffff:10."));
        }
        String[] p = ip.split("\\.");
        if (p.length != 4) return false;
        try {
            int a = Integer.parseInt(p[0]), b = Integer.parseInt(p[1]);
            return !(a == 10 || a == 127 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127) || a >= 224);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
