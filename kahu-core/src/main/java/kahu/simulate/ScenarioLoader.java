package kahu.simulate;

import kahu.knowledge.KnowledgeBase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file and checks it whole: every problem is collected with file and line and
 * reported together ({@link InvalidScenarioException}). A name without a path resolves to a built-in
 * scenario under {@code kahu/simulate/scenarios/}.
 */
public final class ScenarioLoader {
    static final String BUILT_IN = "kahu/simulate/scenarios/";
    private static final List<String> EXPLOITS = List.of("proxylogon-26858", "proxylogon-27065");

    private ScenarioLoader() {}

    /** Every problem found in a scenario file, each "file:line: message". */
    public static final class InvalidScenarioException extends RuntimeException {
        private final List<String> problems;

        InvalidScenarioException(List<String> problems) {
            super("invalid scenario:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** A built-in scenario by name, or a file path. */
    public static Scenario load(String nameOrFile, KnowledgeBase kb) throws IOException {
        Path p = Path.of(nameOrFile);
        if (Files.isRegularFile(p)) return parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8), kb);
        String resource = BUILT_IN + nameOrFile + ".yaml";
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no scenario file " + nameOrFile + " and no built-in scenario of that name");
            return parse(nameOrFile + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8), kb);
        }
    }

    public static Scenario parse(String file, String text, KnowledgeBase kb) {
        List<String> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, text, problems);
        Scenario s = root == null ? null : read(root, kb);
        if (!problems.isEmpty() || s == null) throw new InvalidScenarioException(problems);
        return s;
    }

    private static Scenario read(YamlNode root, KnowledgeBase kb) {
        Map<String, YamlNode> m = root.map();
        String name = text(m, root, "name");
        String description = m.containsKey("description") ? m.get("description").text() : "";
        Map<String, YamlNode> period = map(m, root, "period");
        LocalDate start = date(period.get("start"), root), end = date(period.get("end"), root);
        if (start != null && end != null && !start.isBefore(end)) m.get("period").problem("period start must be before its end");
        YamlNode disc = YamlNode.required(m, root, "disclosure");
        LocalDate disclosure = disc == null ? null : date(disc.map().get("date"), disc);
        int servers = positive(m, root, "servers"), organisations = positive(m, root, "organisations");
        if (servers > 0 && organisations > servers) m.get("organisations").problem("more organisations than servers");

        List<Scenario.Size> sizes = new ArrayList<>();
        for (YamlNode n : list(m, root, "sizes")) {
            Map<String, YamlNode> e = n.map();
            int[] sv = range(e, n, "servers"), users = range(e, n, "users");
            if (sv != null && (sv[0] < 1 || sv[1] > 4)) e.get("servers").problem("an organisation runs 1 to 4 Exchange servers");
            if (sv != null && users != null) sizes.add(new Scenario.Size(text(e, n, "size"), weight(e, n), sv[0], sv[1], users[0], users[1]));
        }
        List<Scenario.Sector> sectors = new ArrayList<>();
        for (YamlNode n : list(m, root, "sectors")) {
            Map<String, YamlNode> e = n.map();
            List<String> names = texts(e, n, "names");
            for (String t : names) if (!t.contains("{place}")) e.get("names").problem("name template '" + t + "' has no {place}");
            sectors.add(new Scenario.Sector(text(e, n, "sector"), weight(e, n), texts(e, n, "kb"), names));
        }
        List<String> places = texts(m, root, "places"), qualifiers = texts(m, root, "qualifiers");
        if (places.isEmpty() && m.containsKey("places")) m.get("places").problem("no place names");

        List<Scenario.ExchangeVersion> versions = new ArrayList<>();
        for (YamlNode n : list(m, root, "exchange_versions")) {
            Map<String, YamlNode> e = n.map();
            versions.add(new Scenario.ExchangeVersion(text(e, n, "version"), build(e, n, "build"), build(e, n, "patched"), weight(e, n)));
        }
        List<Scenario.PatchWave> patching = new ArrayList<>();
        double fractions = 0;
        for (YamlNode n : list(m, root, "patching")) {
            Map<String, YamlNode> e = n.map();
            YamlNode f = YamlNode.required(e, n, "fraction"), d = YamlNode.required(e, n, "days");
            Double fr = f == null ? null : f.number();
            int[] days = d == null || d.isNull() ? null : d.range();
            if (fr != null) {
                fractions += fr;
                patching.add(new Scenario.PatchWave(fr, days));
            }
        }
        if (!patching.isEmpty() && Math.abs(fractions - 1) > 1e-6) m.get("patching").problem("fractions add up to " + fractions + ", not 1");

        Scenario.Benign benign = benign(YamlNode.required(m, root, "benign"));
        Map<String, Scenario.ActorSetup> actors = new LinkedHashMap<>();
        YamlNode actorsNode = YamlNode.required(m, root, "actors");
        if (actorsNode != null) {
            actorsNode.map().forEach((key, n) -> {
                if (kb.lookup("kahu:" + key).isEmpty()) n.problem("actor '" + key + "' is not in the knowledge base (a curated file id)");
                Scenario.ActorSetup a = actor(key, n);
                if (a != null) actors.put(key, a);
            });
        }
        YamlNode refsNode = YamlNode.required(m, root, "references");
        Set<String> references = refsNode == null ? Set.of() : refsNode.map().keySet();
        List<Scenario.Campaign> campaigns = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (YamlNode n : list(m, root, "campaigns")) {
            Map<String, YamlNode> e = n.map();
            String id = text(e, n, "id"), actor = text(e, n, "actor");
            if (id != null && !ids.add(id)) n.problem("campaign id '" + id + "' used twice");
            if (actor != null && !actors.containsKey(actor)) n.problem("campaign actor '" + actor + "' has no entry under 'actors'");
            LocalDate from = date(e.get("from"), n), to = date(e.get("to"), n);
            if (from != null && to != null && to.isBefore(from)) n.problem("campaign ends before it starts");
            if (from != null && start != null && end != null && (from.isBefore(start) || from.isAfter(end))) n.problem("campaign starts outside the period");
            Double share = e.containsKey("share") ? e.get("share").number() : null;
            if (share == null || share < 0 || share > 1) n.problem("share must be a number from 0 to 1");
            String sec = text(e, n, "sectors"), hosts = text(e, n, "hosts");
            if (sec != null && !sec.equals("any") && !sec.equals("actor")) e.get("sectors").problem("sectors must be 'any' or 'actor'");
            if (hosts != null && !hosts.equals("one") && !hosts.equals("all")) e.get("hosts").problem("hosts must be 'one' or 'all'");
            if (!e.containsKey("refs")) n.problem("missing 'refs': say which public report the campaign follows");
            else for (String ref : e.get("refs").texts()) if (!references.contains(ref)) e.get("refs").problem("reference '" + ref + "' is not under references");
            if (id != null && actor != null && from != null && to != null && share != null)
                campaigns.add(new Scenario.Campaign(id, actor, from, to, share, "any".equals(sec), "all".equals(hosts)));
        }
        String domainSuffix = m.containsKey("domain_suffix") ? m.get("domain_suffix").text() : "example";
        String country = m.containsKey("country") ? m.get("country").text() : "NZ";
        if (name == null || start == null || end == null || disclosure == null || benign == null) return null;
        return new Scenario(name, description, start, end, disclosure, country, servers, organisations, domainSuffix, sizes, sectors,
                places, qualifiers, versions, patching, benign, actors, campaigns);
    }

    private static Scenario.Benign benign(YamlNode n) {
        if (n == null) return null;
        Map<String, YamlNode> e = n.map();
        Double req = num(e, n, "requests_per_server_per_day"), admin = num(e, n, "admin_commands_per_server_per_week"),
                scan = num(e, n, "scanner_probes_per_server_per_week");
        List<Scenario.AddressPool> carriers = pools(e, n, "carriers"), scanners = pools(e, n, "scanners");
        int offset = 0;
        String off = text(e, n, "local_utc_offset");
        try {
            if (off != null) offset = java.time.ZoneOffset.of(off).getTotalSeconds() / 60;
        } catch (java.time.DateTimeException ex) {
            e.get("local_utc_offset").problem("not a UTC offset: " + off);
        }
        double[] routine = new double[3];
        YamlNode rn = YamlNode.required(e, n, "routine_per_server_per_day");
        if (rn != null) {
            Map<String, YamlNode> rm = rn.map();
            String[] keys = {"oab_generator", "application", "logon"};
            for (int i = 0; i < keys.length; i++) {
                Double v = num(rm, rn, keys[i]);
                if (v != null && (v < 0 || v > 1)) rm.get(keys[i]).problem(keys[i] + " is a chance per day, from 0 to 1");
                routine[i] = v == null ? 0 : v;
            }
        }
        if (req == null || admin == null || scan == null) return null;
        return new Scenario.Benign(req, admin, scan, offset, routine, carriers, scanners);
    }

    private static Scenario.ActorSetup actor(String key, YamlNode n) {
        Map<String, YamlNode> e = n.map();
        Integer offset = null;
        int from = 0, to = 24;
        boolean weekdays = false;
        if (e.containsKey("working_hours")) {
            YamlNode wh = e.get("working_hours");
            Map<String, YamlNode> w = wh.map();
            String off = text(w, wh, "utc_offset");
            if (off != null) {
                try {
                    offset = java.time.ZoneOffset.of(off).getTotalSeconds() / 60;
                } catch (java.time.DateTimeException ex) {
                    w.get("utc_offset").problem("not a UTC offset: " + off);
                }
            }
            Integer f = w.containsKey("from") ? w.get("from").integer() : null, t = w.containsKey("to") ? w.get("to").integer() : null;
            if (f == null || t == null || f < 0 || t > 24 || f >= t) wh.problem("working hours need from < to within 0..24");
            else {
                from = f;
                to = t;
            }
            weekdays = w.containsKey("weekdays") && "true".equals(w.get("weekdays").text());
        }
        Map<String, Double> exploits = new LinkedHashMap<>();
        YamlNode ex = YamlNode.required(e, n, "exploit");
        if (ex != null) ex.map().forEach((k, v) -> {
            if (!EXPLOITS.contains(k)) v.problem("unknown exploitation variant '" + k + "' (one of " + EXPLOITS + ")");
            Double w = v.number();
            if (w != null) exploits.put(k, w);
        });
        List<String> shells = texts(e, n, "webshells");
        for (String s : shells) if (!WebShells.KINDS.contains(s)) e.get("webshells").problem("unknown web shell kind '" + s + "' (one of " + WebShells.KINDS + ")");
        List<String> dirs = texts(e, n, "webshell_dirs");
        for (String d : dirs) if (!WebShells.DIRS.containsKey(d)) e.get("webshell_dirs").problem("unknown web shell folder '" + d + "' (one of " + new java.util.TreeSet<>(WebShells.DIRS.keySet()) + ")");
        List<String> names = texts(e, n, "webshell_names");
        for (String s : names) if (!s.toLowerCase(java.util.Locale.ROOT).endsWith(".aspx")) e.get("webshell_names").problem("web shell name '" + s + "' is not an .aspx page");
        List<String> agents = texts(e, n, "user_agents");
        List<Scenario.AddressPool> infra = pools(e, n, "infrastructure");
        if (infra.isEmpty() && e.containsKey("infrastructure")) e.get("infrastructure").problem("no address pools");
        int[] post = range(e, n, "post_exploitation");
        String impact = e.containsKey("impact") ? e.get("impact").text() : null;
        if (impact != null && !impact.equals("ransomware") && !impact.equals("miner")) e.get("impact").problem("impact must be ransomware or miner");
        boolean known = e.containsKey("known_indicators") && "true".equals(e.get("known_indicators").text());
        if (post == null || shells.isEmpty() || dirs.isEmpty() || names.isEmpty() || agents.isEmpty() || infra.isEmpty()) {
            if (shells.isEmpty() || dirs.isEmpty() || names.isEmpty() || agents.isEmpty()) n.problem("needs webshells, webshell_dirs, webshell_names and user_agents");
            return null;
        }
        return new Scenario.ActorSetup(key, offset, from, to, weekdays, exploits, shells, dirs, names, agents, known, infra, post[0], post[1], impact);
    }

    private static List<Scenario.AddressPool> pools(Map<String, YamlNode> m, YamlNode owner, String key) {
        List<Scenario.AddressPool> out = new ArrayList<>();
        for (YamlNode n : list(m, owner, key)) {
            Map<String, YamlNode> e = n.map();
            List<String> prefixes = texts(e, n, "prefixes");
            for (String p : prefixes) if (Addresses.parsePrefix(p) == null) e.get("prefixes").problem("not an IPv4 prefix /8 to /32: " + p);
            Integer asn = e.containsKey("asn") ? e.get("asn").integer() : null;
            String name = e.containsKey("name") ? e.get("name").text() : "pool-" + (out.size() + 1);
            String kind = e.containsKey("kind") ? e.get("kind").text() : null;
            if (!prefixes.isEmpty()) out.add(new Scenario.AddressPool(name, kind, asn, prefixes));
        }
        return out;
    }

    private static String build(Map<String, YamlNode> m, YamlNode owner, String key) {
        String b = text(m, owner, key);
        if (b != null && !b.matches("15\\.[0-2]\\.\\d{1,4}\\.\\d{1,3}")) m.get(key).problem("not an Exchange 2013-2019 build number: " + b);
        return b;
    }

    private static LocalDate date(YamlNode n, YamlNode owner) {
        if (n == null) {
            owner.problem("missing a date");
            return null;
        }
        String t = n.text();
        try {
            return t == null ? null : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            n.problem("not a date (YYYY-MM-DD): " + t);
            return null;
        }
    }

    private static double weight(Map<String, YamlNode> m, YamlNode owner) {
        Double w = num(m, owner, "weight");
        if (w != null && w < 0) m.get("weight").problem("weight must not be negative");
        return w == null ? 0 : w;
    }

    private static Double num(Map<String, YamlNode> m, YamlNode owner, String key) {
        YamlNode n = YamlNode.required(m, owner, key);
        return n == null ? null : n.number();
    }

    private static int positive(Map<String, YamlNode> m, YamlNode owner, String key) {
        YamlNode n = YamlNode.required(m, owner, key);
        Integer v = n == null ? null : n.integer();
        if (v != null && v < 1) n.problem(key + " must be at least 1");
        return v == null ? 0 : v;
    }

    private static int[] range(Map<String, YamlNode> m, YamlNode owner, String key) {
        YamlNode n = YamlNode.required(m, owner, key);
        return n == null ? null : n.range();
    }

    private static String text(Map<String, YamlNode> m, YamlNode owner, String key) {
        YamlNode n = YamlNode.required(m, owner, key);
        return n == null ? null : n.text();
    }

    private static List<String> texts(Map<String, YamlNode> m, YamlNode owner, String key) {
        YamlNode n = YamlNode.required(m, owner, key);
        return n == null ? List.of() : n.texts();
    }

    private static Map<String, YamlNode> map(Map<String, YamlNode> m, YamlNode owner, String key) {
        YamlNode n = YamlNode.required(m, owner, key);
        return n == null ? Map.of() : n.map();
    }

    private static List<YamlNode> list(Map<String, YamlNode> m, YamlNode owner, String key) {
        YamlNode n = YamlNode.required(m, owner, key);
        return n == null ? List.of() : n.list();
    }
}
