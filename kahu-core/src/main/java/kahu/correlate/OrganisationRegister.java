package kahu.correlate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The constituency register ({@code organisations.json}): the organisations a national centre serves and
 * their hosts. A detection is resolved to an organisation by its host name or address, else by a folder
 * of its source path named after an organisation's id or one of its hosts; what resolves to nothing
 * goes to {@link Organisation#UNKNOWN}.
 */
public final class OrganisationRegister {
    public static final String FILE_NAME = "organisations.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Organisation> byId = new LinkedHashMap<>();
    private final Map<String, Organisation> byHost = new HashMap<>();
    private final Map<String, String> canonicalHost = new HashMap<>();
    private final java.util.Set<String> ownAddresses = new java.util.HashSet<>();

    public OrganisationRegister(List<Organisation> organisations) {
        Map<String, Integer> shortNames = new HashMap<>();
        for (Organisation o : organisations) {
            for (Organisation.Host h : o.hosts()) shortNames.merge(shortName(h.name()), 1, Integer::sum);
        }
        for (Organisation o : organisations) {
            byId.put(o.id(), o);
            byId.putIfAbsent(o.id().toLowerCase(Locale.ROOT), o);
            for (Organisation.Host h : o.hosts()) {
                byHost.put(key(h.name()), o);
                canonicalHost.put(key(h.name()), h.name());
                // "EXCH01" names a server only when one organisation has an EXCH01.
                if (shortNames.get(shortName(h.name())) == 1) {
                    byHost.putIfAbsent(shortName(h.name()), o);
                    canonicalHost.putIfAbsent(shortName(h.name()), h.name());
                }
                if (h.ip() != null) {
                    byHost.put(h.ip(), o);
                    canonicalHost.put(h.ip(), h.name());
                    ownAddresses.add(h.ip());
                }
            }
        }
    }

    public static OrganisationRegister empty() {
        return new OrganisationRegister(List.of());
    }

    /**
     * Reads a register; every organisation with a problem is reported ({@code file: organisation N: …})
     * and left out, the rest are kept.
     */
    public static OrganisationRegister read(Path file, List<String> problems) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<Organisation> orgs = new ArrayList<>();
        JsonNode list = root.path("organisations");
        if (!list.isArray()) {
            problems.add(file + ": no \"organisations\" array");
            return empty();
        }
        int n = 0;
        for (JsonNode o : list) {
            n++;
            String id = o.path("id").asText("");
            if (id.isBlank()) {
                problems.add(file + ": organisation " + n + ": no id");
                continue;
            }
            List<Organisation.Host> hosts = new ArrayList<>();
            for (JsonNode h : o.path("hosts")) {
                String name = h.isTextual() ? h.asText() : h.path("name").asText("");
                if (!name.isBlank()) hosts.add(new Organisation.Host(name, text(h, "ip"), text(h, "role")));
            }
            List<String> domains = new ArrayList<>();
            o.path("domains").forEach(d -> domains.add(d.asText()));
            orgs.add(new Organisation(id, o.path("name").asText(id), o.path("pseudonym").asText(id),
                    Sectors.normalise(text(o, "sector")), size(text(o, "size")), text(o, "country"), domains, hosts));
        }
        return new OrganisationRegister(orgs);
    }

    /** The register in {@code dir}, or in the parent folders of the given input paths, or an empty one. */
    public static OrganisationRegister find(List<Path> inputs, List<String> problems) throws IOException {
        for (Path p : inputs) {
            for (Path d = Files.isDirectory(p) ? p.toAbsolutePath() : p.toAbsolutePath().getParent(); d != null; d = d.getParent()) {
                Path f = d.resolve(FILE_NAME);
                if (Files.isRegularFile(f)) return read(f, problems);
            }
        }
        return empty();
    }

    public List<Organisation> organisations() {
        return List.copyOf(new java.util.LinkedHashSet<>(byId.values()));
    }

    public Organisation byId(String id) {
        if (id == null) return null;
        Organisation o = byId.get(id);
        return o != null ? o : Organisation.UNKNOWN.id().equals(id) ? Organisation.UNKNOWN : null;
    }

    /**
     * The organisation of a host's full name or address, else of a folder of the path (an organisation
     * id or a registered host), else of a host's short name when only one organisation has it, else
     * {@link Organisation#UNKNOWN}.
     */
    public Organisation resolve(String host, String location) {
        if (host != null) {
            Organisation o = byHost.get(key(host));
            if (o != null) return o;
        }
        if (location != null) {
            for (String part : parts(location)) {
                Organisation o = byId.get(part);
                if (o == null && part.indexOf('.') > 0) o = byHost.get(key(part));
                if (o != null) return o;
            }
        }
        if (host != null) {
            Organisation o = byHost.get(shortName(host));
            if (o != null) return o;
        }
        return Organisation.UNKNOWN;
    }

    /** Whether an address is one of the registered servers' own (not an attacker's). */
    public boolean isOwnAddress(String ip) {
        return ownAddresses.contains(ip);
    }

    /**
     * The registered host name a detection is about: its own host when the register knows it, else a
     * folder of its path named after a registered host, else its own host as it is.
     */
    public String hostOf(String host, String location) {
        if (host != null && !host.isBlank()) {
            String c = canonicalHost.get(key(host));
            if (c != null) return c;
        }
        // An address or name the register does not know exactly (a server's internal address or short
        // name in its own logs): the folder the log lies under says which registered server it is.
        if (location != null) {
            for (String part : parts(location)) {
                if (part.indexOf('.') > 0 && canonicalHost.containsKey(key(part))) return canonicalHost.get(key(part));
            }
        }
        if (host != null && !host.isBlank()) {
            String c = canonicalHost.get(shortName(host));
            if (c != null) return c;
        }
        return host == null || host.isBlank() ? null : host;
    }

    /**
     * A location's folders and file names; an archive's name without its extension, since a triage
     * collection is one zip per host named after it ({@code logs/org-001/EXCH01.example.zip!/…}).
     */
    private static String[] parts(String location) {
        String[] parts = location.replace('\\', '/').split("[/!]");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.length() > 4 && p.regionMatches(true, p.length() - 4, ".zip", 0, 4)) parts[i] = p.substring(0, p.length() - 4);
        }
        return parts;
    }

    private static String shortName(String host) {
        return key(host).split("\\.", 2)[0];
    }

    private static String key(String host) {
        return host.trim().toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String size(String s) {
        if (s == null) return "medium";
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "small", "micro" -> "small";
            case "large", "enterprise", "national" -> "large";
            default -> "medium";
        };
    }
}
