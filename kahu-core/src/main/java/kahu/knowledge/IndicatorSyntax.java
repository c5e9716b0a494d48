package kahu.knowledge;

import java.net.URI;
import java.util.regex.Pattern;

/** Cheap syntax checks for indicator values, so that a typo in a curated file fails the build. */
final class IndicatorSyntax {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]+(/\\d{1,3})?");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-zA-Z0-9_]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z][a-zA-Z0-9-]{0,62}");
    private static final Pattern ASN = Pattern.compile("(AS)?\\d{1,10}");

    private IndicatorSyntax() {}

    /** Null when {@code value} is a well-formed {@code type}, else what is wrong. */
    static String check(String type, String value) {
        boolean ok = switch (type) {
            case "ipv4-addr" -> IPV4.matcher(value).matches();
            case "ipv6-addr" -> IPV6.matcher(value).matches() && value.contains(":");
            case "domain-name" -> DOMAIN.matcher(value).matches();
            case "url" -> isUrl(value);
            case "file-md5" -> hex(value, 32);
            case "file-sha1", "x509-sha1" -> hex(value, 40);
            case "file-sha256" -> hex(value, 64);
            case "autonomous-system" -> ASN.matcher(value).matches();
            default -> true;
        };
        return ok ? null : "not a well-formed " + type + ": " + value;
    }

    private static boolean hex(String v, int len) {
        if (v.length() != len) return false;
        for (int i = 0; i < len; i++) if (Character.digit(v.charAt(i), 16) < 0) return false;
        return true;
    }

    private static boolean isUrl(String v) {
        try {
            URI u = URI.create(v);
            return u.getScheme() != null && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
