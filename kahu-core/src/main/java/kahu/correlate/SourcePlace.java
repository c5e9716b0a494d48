package kahu.correlate;

/**
 * Where a record lies on its server, from a detection's location ({@code file:line}, {@code file#record},
 * {@code triage.zip!/entry:line}): the part below the outermost folder named after the host (its full
 * or short name, or a zip named so) or, failing that, after the organisation's id, as
 * {@link OrganisationRegister} resolves them; a server's triage zip and its unpacked folder give the
 * same place. The outermost, so that a folder of the server's own that happens to bear its short name
 * ({@code mail}) cannot make two of its files one. A location under neither is kept whole, so nothing
 * is merged that the folders do not show to be the same place.
 */
final class SourcePlace {
    /** Folder separators of either system, and the one between a zip and its entry. Compiled once: every detection's id needs it. */
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[/\\\\!]");

    private SourcePlace() {}

    static String of(String location, String organisation, String host) {
        if (location == null) return "";
        String[] parts = SEPARATORS.split(location, -1);
        int below = -1;
        if (host != null && !host.isEmpty()) {
            int dot = host.indexOf('.');
            String shortName = dot > 0 ? host.substring(0, dot) : host;
            for (int i = 0; i < parts.length - 1 && below < 0; i++) {
                String p = parts[i];
                if (p.regionMatches(true, Math.max(0, p.length() - 4), ".zip", 0, 4)) p = p.substring(0, p.length() - 4);
                if (p.equalsIgnoreCase(host) || p.equalsIgnoreCase(shortName)) below = i;
            }
        }
        if (below < 0 && organisation != null) {
            for (int i = 0; i < parts.length - 1 && below < 0; i++) if (parts[i].equalsIgnoreCase(organisation)) below = i;
        }
        if (below < 0) return location;
        StringBuilder sb = new StringBuilder();
        for (int i = below + 1; i < parts.length; i++) if (!parts[i].isEmpty()) sb.append('/').append(parts[i]);
        return sb.toString();
    }
}
