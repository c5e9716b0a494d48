package kahu.detect.ioc;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.Locale;

/**
 * The kinds of equality indicator the fast sets hold, how each value is normalised (so a feed's
 * spelling and a log's spelling meet), and the STIX object path each stands for.
 */
public enum IndicatorType {
    /** An IPv4 address or CIDR range ({@code 198.51.100.0/24}). */
    IPV4("ipv4-addr:value"),
    /** An IPv6 address or CIDR range. */
    IPV6("ipv6-addr:value"),
    /** A domain; matches its sub-domains too. */
    DOMAIN("domain-name:value"),
    URL("url:value"),
    MD5("file:hashes.MD5"),
    SHA1("file:hashes.'SHA-1'"),
    SHA256("file:hashes.'SHA-256'"),
    /** A file name without directory, compared case-insensitively (Windows file systems are). */
    FILE_NAME("file:name"),
    /** A full Windows or Unix path, compared case-insensitively with / and \ alike. */
    FILE_PATH("file:x_path"),
    EMAIL("email-addr:value");

    private final String stixPath;

    IndicatorType(String stixPath) {
        this.stixPath = stixPath;
    }

    public String stixPath() {
        return stixPath;
    }

    /** The canonical form of a value of this type, or IllegalArgumentException saying what is wrong. */
    public String normalise(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("empty " + this + " value");
        String v = raw.strip();
        return switch (this) {
            case IPV4, IPV6 -> address(v);
            case DOMAIN -> domain(v);
            case URL -> Urls.normalise(v);
            case MD5 -> hex(v, 32);
            case SHA1 -> hex(v, 40);
            case SHA256 -> hex(v, 64);
            case FILE_NAME -> {
                if (v.indexOf('/') >= 0 || v.indexOf('\\') >= 0) throw new IllegalArgumentException("file name with a directory: " + v);
                yield Text.lower(v);
            }
            case FILE_PATH -> Text.lower(v).replace('/', '\\');
            case EMAIL -> {
                int at = v.lastIndexOf('@');
                if (at <= 0 || at == v.length() - 1 || v.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("not an e-mail address: " + v);
                }
                yield Text.lower(v);
            }
        };
    }

    private String address(String v) {
        IPAddress a = new IPAddressString(v).getAddress();
        if (a == null || (this == IPV4) != a.isIPv4()) throw new IllegalArgumentException("not an " + (this == IPV4 ? "IPv4" : "IPv6") + " address or range: " + v);
        if (a.getNetworkPrefixLength() == null) return a.withoutPrefixLength().toCanonicalString();
        IPAddress block = a.toPrefixBlock();
        return block.getLower().withoutPrefixLength().toCanonicalString() + "/" + a.getNetworkPrefixLength();
    }

    private static String domain(String v) {
        String d = Text.lower(v);
        if (d.startsWith("*.")) d = d.substring(2);
        while (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        if (d.isEmpty() || d.startsWith(".") || d.contains("..")) throw new IllegalArgumentException("not a domain name: " + v);
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) throw new IllegalArgumentException("not a domain name: " + v);
        }
        return d;
    }

    private String hex(String v, int length) {
        if (v.length() != length) throw new IllegalArgumentException(this + " must have " + length + " hex digits, not " + v.length() + ": " + v);
        for (int i = 0; i < v.length(); i++) {
            if (Character.digit(v.charAt(i), 16) < 0) throw new IllegalArgumentException("not hex: " + v);
        }
        return v.toLowerCase(Locale.ROOT);
    }
}
