package kahu.correlate;

import kahu.detect.Detection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What in an incident can tie it to another intrusion by the same attacker, with how much a shared
 * value says: an address, the same infrastructure (for a while), enough on its own; a web-shell file
 * hash or name, tooling habits, but not alone — generic shells (China Chopper with a short password,
 * public ASPX shells) are byte-identical whoever drops them, and shell names are copied from public
 * lists, so at national scale either alone chained different groups into one campaign (25,000
 * simulated servers); together, or with an address or network, they link. A user agent and a /24
 * network only add up.
 */
final class LinkValues {
    /** Pages shorter than this are one-liners (China Chopper) that anyone writes identically. */
    static final long GENERIC_SIZE = 256;
    static final Map<String, Double> KIND_WEIGHT = Map.of(
            "file-sha256", 0.9, "small-file-sha256", 0.5, "ipv4-addr", 2.0, "webshell-name", 0.9, "user-agent", 0.4, "network", 0.5, "indicator-actor", 2.0);

    private LinkValues() {}

    /** kind → values seen in this incident (only attacker-side values: public addresses, shells, tooling). */
    static Map<String, java.util.Set<String>> of(Incident incident) {
        Map<String, java.util.Set<String>> out = new LinkedHashMap<>();
        java.util.Set<String> own = incident.organisation().addresses();
        for (Finding f : incident.findings()) {
            if (!incident.sure(f)) continue; // put here by a guess between two intruders: it links nothing
            Detection d = f.detection();
            for (String ip : d.observables().getOrDefault("ipv4-addr", List.of())) {
                if (!PublicAddress.isPublic(ip) || own.contains(ip)) continue;
                add(out, "ipv4-addr", ip);
                int dot = ip.lastIndexOf('.');
                if (dot > 0 && ip.indexOf(':') < 0) add(out, "network", ip.substring(0, dot) + ".0/24");
            }
            // A one-line shell is byte-identical whoever writes it with the same password: its hash says little.
            boolean small = d.observables().getOrDefault("file:size", List.of()).stream().anyMatch(v -> v.length() < 4 && Long.parseLong(v) < GENERIC_SIZE);
            for (String h : d.observables().getOrDefault("file:sha256", List.of())) {
                add(out, small ? "small-file-sha256" : "file-sha256", h.toLowerCase(Locale.ROOT));
            }
            for (String p : d.observables().getOrDefault("file:path", List.of())) if (isPage(p)) add(out, "webshell-name", baseName(p));
            if ("webshell".equals(d.engine()) || d.techniques().contains("T1505.003")) {
                for (String p : d.observables().getOrDefault("url-path", List.of())) if (isPage(p)) add(out, "webshell-name", baseName(p));
            }
            if (f.stage() != Stage.ATTEMPT || "indicator".equals(d.engine())) {
                for (String ua : d.observables().getOrDefault("user-agent", List.of())) add(out, "user-agent", ua);
            }
            if (d.actor() != null) add(out, "indicator-actor", d.actor());
        }
        return out;
    }

    private static void add(Map<String, java.util.Set<String>> out, String kind, String value) {
        if (value != null && !value.isBlank() && !"-".equals(value)) out.computeIfAbsent(kind, k -> new java.util.TreeSet<>()).add(value);
    }

    /** A server-side page a web shell can be: .aspx, .ashx, .asmx, .asp, .php, .jsp. */
    static boolean isPage(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".aspx") || p.endsWith(".ashx") || p.endsWith(".asmx") || p.endsWith(".asp") || p.endsWith(".php")
                || p.endsWith(".jsp");
    }

    static String baseName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
