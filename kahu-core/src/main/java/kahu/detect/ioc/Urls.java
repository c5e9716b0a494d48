package kahu.detect.ioc;

import java.util.Locale;

/**
 * One spelling per URL so a feed's and a log's versions meet: scheme and host lower-cased (they are
 * case-insensitive, the path is not), the default port and the fragment dropped, a missing scheme read
 * as http, and one trailing slash removed. The look-up tables then compare URLs ignoring case
 * altogether: the web servers whose logs Kahu reads most (IIS, Exchange) treat paths case-insensitively,
 * and a missed webshell costs more than a rare false match.
 */
final class Urls {
    private Urls() {}

    static String normalise(String raw) {
        String u = raw.strip();
        int colon = u.indexOf("://");
        if (colon < 0) {
            u = "http://" + u;
            colon = 4;
        }
        String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty() || !scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
            throw new IllegalArgumentException("not a URL: " + raw);
        }
        String rest = u.substring(colon + 3);
        int hash = rest.indexOf('#');
        if (hash >= 0) rest = rest.substring(0, hash);
        int pathStart = firstOf(rest, "/?");
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 ? "" : rest.substring(pathStart);
        if (authority.isEmpty() || authority.chars().anyMatch(Character::isWhitespace)) throw new IllegalArgumentException("not a URL: " + raw);
        authority = Text.lower(authority);
        if (scheme.equals("http") && authority.endsWith(":80")) authority = authority.substring(0, authority.length() - 3);
        if (scheme.equals("https") && authority.endsWith(":443")) authority = authority.substring(0, authority.length() - 4);
        if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return scheme + "://" + authority + path;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
