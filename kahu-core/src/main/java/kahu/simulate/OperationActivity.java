package kahu.simulate;

import kahu.knowledge.KnownIndicator;
import kahu.knowledge.TechniqueUse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays out one operation as log records. The exploitation follows Microsoft's and Volexity's
 * descriptions of ProxyLogon (2 March 2021): SSRF requests to {@code /ecp/<x>.js} whose back-end
 * cookie shows in the HttpProxy log as {@code ServerInfo~<server>/<path>}, then the OAB virtual
 * directory's ExternalUrl set to script (ECP server log) and reset to write a page (CVE-2021-27065),
 * or the OAB generator made to write it (CVE-2021-26858). A patched server answers with errors and the
 * operation fails. After a successful one the actor uses the web shell (w3wp.exe → cmd.exe) for
 * techniques drawn from its knowledge-base techniques and rendered by the tradecraft library.
 */
final class OperationActivity {
    /** Roughly the order of an intrusion: discovery, execution and tooling, persistence, credentials, collection, exfiltration, clean-up, impact. */
    private static final List<String> ORDER = List.of("T1033", "T1016", "T1057", "T1018", "T1087.002", "T1046", "T1059.001", "T1105", "T1197",
            "T1218.011", "T1047", "T1136.001", "T1136.002", "T1098", "T1543.003", "T1547.001", "T1053.005", "T1562.004", "T1003.001",
            "T1003.002", "T1003.003", "T1114.002", "T1560.001", "T1560", "T1567.002", "T1070.004", "T1070.001", "T1486", "T1496.001");
    private static final String[] WORDS = {"backup", "data", "update", "temp", "out", "sys", "svc", "report", "log", "cache", "msd", "test"};

    private final Organisation org;
    private final Organisation.Host host;
    private final Operation op;
    private final int index;
    private final Tradecraft tradecraft;
    private final Rng r;
    private final List<LogRecord> out;
    private final String fqdn;
    private final Map<String, byte[]> pages; // relative path → content, for the server's web folders
    private final Map<String, Long> pageTimes;

    OperationActivity(Organisation org, Organisation.Host host, Operation op, int index, Tradecraft tradecraft, Rng r, List<LogRecord> out,
                      Map<String, byte[]> pages, Map<String, Long> pageTimes) {
        this.org = org;
        this.host = host;
        this.op = op;
        this.index = index;
        this.tradecraft = tradecraft;
        this.r = r;
        this.out = out;
        this.fqdn = host.name().toLowerCase(Locale.ROOT);
        this.pages = pages;
        this.pageTimes = pageTimes;
    }

    /** An address of the actor at that time: its pools rotate weekly; published indicators are used while valid. */
    private int address(long t, int slot) {
        long week = Math.floorDiv(t, 7 * Times.DAY);
        Scenario.ActorSetup s = op.setup;
        if (s.knownIndicators()) {
            LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(t, Times.DAY));
            List<Integer> valid = new ArrayList<>();
            for (KnownIndicator k : op.actor.infrastructure()) {
                if (!k.type().equals("ipv4-addr")) continue;
                if (k.validFrom() != null && d.isBefore(k.validFrom()) || k.validUntil() != null && d.isAfter(k.validUntil())) continue;
                Integer ip = Addresses.parse(k.value());
                if (ip != null) valid.add(ip);
            }
            if (!valid.isEmpty() && Math.floorMod(Rng.mix(week * 31 + slot + op.start), 2) == 0)
                return valid.get((int) Math.floorMod(Rng.mix(week + slot), valid.size()));
        }
        List<String> prefixes = new ArrayList<>();
        for (Scenario.AddressPool p : s.infrastructure()) prefixes.addAll(p.prefixes());
        long h = Rng.mix(Rng.hash(s.key()) ^ week * 0x9E37 ^ slot);
        Addresses.Prefix p = Addresses.parsePrefix(prefixes.get((int) Math.floorMod(h, prefixes.size())));
        return p.at(Math.floorMod(h >>> 16, 3) + 2); // a few addresses per prefix, reused
    }

    private void add(LogRecord rec, int ip) {
        out.add(rec);
        op.saw(rec.time());
        if (ip != 0) op.infrastructure.add(Addresses.text(ip));
    }

    void generate() {
        long t = op.start;
        int ip = address(t, 0);
        String agent = op.setup.userAgents().get(r.nextInt(op.setup.userAgents().size())).replace("{rand}", r.letters(8));
        String js = "/ecp/" + r.letters(1 + r.nextInt(2)) + ".js";
        op.techniques.add("T1190");
        if (host.patchedBy(java.time.Instant.ofEpochMilli(t))) {
            // The security update validates the back-end cookie: every attempt ends in an error, nothing is written.
            int tries = 2 + r.nextInt(3);
            for (int i = 0; i < tries; i++) {
                t += 2000 + r.nextInt(20000);
                add(new LogRecord.Web(t, index, false, "POST", js, cafe(), null, ip, agent, 500, 20 + r.nextInt(50),
                        new LogRecord.Proxy("Ecp", null, null, null, 0, "ServerNotFound")), ip);
            }
            op.compromised = false;
            return;
        }
        op.compromised = true;
        op.techniques.add("T1505.003");
        String canary = r.letters(43).toUpperCase(Locale.ROOT) + "." + r.letters(20).toUpperCase(Locale.ROOT);
        String exploit = pickExploit();
        t = ssrf(t, ip, agent, js, "/autodiscover/autodiscover.xml?#");
        t = ssrf(t, ip, agent, js, "/mapi/emsmdb/?#");
        t = ssrf(t, ip, agent, js, "/ecp/proxyLogon.ecp#");
        String password = r.letters(1 + r.nextInt(6));
        String[] dir = WebShells.DIRS.get(r.pick(op.setup.webshellDirs()));
        String name = freeName(dir[0], r.pick(op.setup.webshellNames()));
        String windowsPath = dir[0] + name, url = dir[1] + name;
        String admin = org.netbios() + "\\Administrator";
        if (exploit.equals("proxylogon-26858")) {
            t = ssrf(t, ip, agent, js, "/ecp/DDI/DDIService.svc/GetObject?msExchEcpCanary=" + canary + "&schema=OABVirtualDirectory#");
            t += 3000 + r.nextInt(30000);
            add(new LogRecord.Oab(t, index, "Warning", "Download failed and temporary file '" + windowsPath + "' needs to be removed."), 0);
            dropShell(t + 500, "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\UMWorkerProcess.exe", windowsPath,
                    WebShells.content(shellKind(false), password, org, host));
        } else {
            t = ssrf(t, ip, agent, js, "/ecp/DDI/DDIService.svc/GetObject?msExchEcpCanary=" + canary + "&schema=OABVirtualDirectory#");
            String script = "http://f/<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"" + password
                    + "\"],\"unsafe\");}</script>";
            t = ssrf(t, ip, agent, js, "/ecp/DDI/DDIService.svc/SetObject?msExchEcpCanary=" + canary + "&schema=OABVirtualDirectory#");
            add(backend(t + 150, "msExchEcpCanary=" + canary + "&schema=OABVirtualDirectory"), 0);
            add(new LogRecord.Ecp(t + 300, index, admin, ip, "Set-OabVirtualDirectory",
                    "-Identity '" + host.shortName() + "\\OAB (Default Web Site)' -ExternalUrl '" + script + "'"), ip);
            t = ssrf(t, ip, agent, js, "/ecp/DDI/DDIService.svc/SetObject?msExchEcpCanary=" + canary + "&schema=ResetOABVirtualDirectory#");
            add(backend(t + 150, "msExchEcpCanary=" + canary + "&schema=ResetOABVirtualDirectory"), 0);
            dropShell(t + 400, WindowsEvents.W3WP, windowsPath, WebShells.content("oab-chopper", password, org, host));
        }
        t += 20_000 + r.nextInt(120_000);
        add(shellRequest(t, ip, url), ip);
        // A second, handier shell written through the first (as several actors did).
        String second = shellKind(true);
        if (second != null && r.chance(0.5)) {
            String[] otherDir = WebShells.DIRS.get(r.pick(op.setup.webshellDirs()));
            String otherName = freeName(otherDir[0], r.pick(op.setup.webshellNames()));
            if (!(otherDir[0] + otherName).equals(windowsPath)) {
                t += 30_000 + r.nextInt(300_000);
                dropShell(t, WindowsEvents.W3WP, otherDir[0] + otherName, WebShells.content(second, r.letters(4), org, host));
                url = otherDir[1] + otherName;
                windowsPath = otherDir[0] + otherName;
                add(shellRequest(t + 5000, ip, url), ip);
            }
        }
        postExploitation(t, url, windowsPath);
    }

    /** The name, or a numbered variant when an earlier operation on this server already wrote a page there. */
    private String freeName(String dir, String name) {
        String n = name;
        while (pages.containsKey(WebShells.relative(dir + n))) n = name.substring(0, name.length() - 5) + r.nextInt(100) + ".aspx";
        return n;
    }

    private String pickExploit() {
        Map<String, Double> e = op.setup.exploits();
        List<String> keys = new ArrayList<>(new java.util.TreeMap<>(e).keySet());
        double[] w = keys.stream().mapToDouble(e::get).toArray();
        return keys.get(r.weighted(w));
    }

    /** The actor's web-shell kind: for the first shell of CVE-2021-26858 any page kind, for a second one a kind other than the OAB file, or null. */
    private String shellKind(boolean second) {
        List<String> kinds = new ArrayList<>();
        for (String k : op.setup.webshells()) if (!k.equals("oab-chopper")) kinds.add(k);
        if (kinds.isEmpty()) return second ? null : "chopper-jscript";
        return r.pick(kinds);
    }

    private String cafe() {
        return "&CorrelationID=<empty>;&cafeReqId=" + r.uuid() + ";";
    }

    /** One SSRF request: the front end's IIS line and the HttpProxy row that shows the back end the cookie chose. */
    private long ssrf(long t, int ip, String agent, String js, String backendPath) {
        t += 1000 + r.nextInt(15000);
        add(new LogRecord.Web(t, index, false, "POST", js, cafe(), null, ip, agent, 200, 40 + r.nextInt(400),
                new LogRecord.Proxy("Ecp", "ServerInfo~" + fqdn + backendPath, null, "X-BEResourceCookie", 200, null)), ip);
        return t;
    }

    /** The back end's view of a proxied ECP call: under the front end's machine account (shared exchange/log-formats.md). */
    private LogRecord.Web backend(long t, String query) {
        return new LogRecord.Web(t, index, true, "POST", "/ecp/DDI/DDIService.svc/SetObject", query, org.netbios() + "\\" + host.shortName() + "$",
                host.internalIp(), "ExchangeServicesClient/0.0.0.0", 200, 300 + r.nextInt(400), null);
    }

    private LogRecord.Web shellRequest(long t, int ip, String url) {
        return new LogRecord.Web(t, index, false, "POST", url, null, null, ip, op.setup.userAgents().getFirst().replace("{rand}", r.letters(8)), 200,
                50 + r.nextInt(2000), null);
    }

    private void dropShell(long t, String writer, String windowsPath, String content) {
        add(WindowsEvents.fileCreate(t, index, r, writer, 4000 + r.nextInt(9000), windowsPath), 0);
        String rel = WebShells.relative(windowsPath);
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        pages.put(rel, bytes);
        pageTimes.put(rel, t);
        op.webshells.add(new String[] {rel, windowsPath, sha256(bytes)});
    }

    static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Techniques drawn from the actor's own (weighted by the tradecraft library), plus its impact, run through the shell. */
    private void postExploitation(long after, String url, String shellPath) {
        List<Tradecraft.Technique> candidates = new ArrayList<>();
        for (TechniqueUse t : op.actor.techniques()) {
            Tradecraft.Technique tc = tradecraft.technique(t.id());
            if (tc != null && tc.weight() > 0 && !tc.variantsFor(op.actorKey()).isEmpty()) candidates.add(tc);
        }
        int k = Math.min(candidates.size(), r.between(op.setup.minPostExploitation(), op.setup.maxPostExploitation()));
        List<Tradecraft.Technique> chosen = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] w = candidates.stream().mapToDouble(Tradecraft.Technique::weight).toArray();
            chosen.add(candidates.remove(r.weighted(w)));
        }
        String impact = op.setup.impact() == null ? null : op.setup.impact().equals("ransomware") ? "T1486" : "T1496.001";
        if (impact != null && tradecraft.technique(impact) != null && !tradecraft.technique(impact).variantsFor(op.actorKey()).isEmpty())
            chosen.add(tradecraft.technique(impact));
        chosen.sort(java.util.Comparator.comparingInt(t -> ORDER.indexOf(t.id()) < 0 ? ORDER.size() : ORDER.indexOf(t.id())));
        // Hands-on sessions in the actor's working hours: the first within a few hours, later ones on following days.
        long t = after + 300_000 + r.nextInt(3_600_000);
        int session = 0;
        String dirOfShell = shellPath.substring(0, shellPath.lastIndexOf('\\'));
        Map<String, String> vars = new HashMap<>();
        for (Tradecraft.Technique tech : chosen) {
            if (r.chance(0.3)) {
                session++;
                long day = Math.floorDiv(after, Times.DAY) + session;
                t = Math.max(t, Planner.workingTime(r, op.setup, op.actor, day));
            }
            Tradecraft.Variant v = r.pick(tech.variantsFor(op.actorKey()));
            fillVars(vars, t);
            int ip = address(t, 1 + session);
            op.techniques.add(tech.id());
            t = run(v, vars, t, ip, url, dirOfShell);
        }
        implant(t + 60_000 + r.nextInt(600_000));
    }

    /**
     * An actor whose tools and servers were published (the knowledge base's indicators, e.g. ESET's
     * Exchange-2021 list) runs one of its implants and it calls home: Sysmon sees the process with the
     * implant's hash and its DNS query or connection. What the logs show, not an answer: the
     * investigation still has to match the values to an actor.
     */
    private void implant(long t) {
        if (!op.setup.knownIndicators()) return;
        List<KnownIndicator> hashes = new ArrayList<>(), callHome = new ArrayList<>();
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(t, Times.DAY));
        for (KnownIndicator k : op.actor.infrastructure()) {
            // Only what was in use then: the published window (the reporter's observation period).
            if (k.validFrom() != null && day.isBefore(k.validFrom()) || k.validUntil() != null && day.isAfter(k.validUntil())) continue;
            switch (k.type()) {
                case "file-sha1", "file-sha256", "file-md5" -> hashes.add(k);
                case "domain-name", "ipv4-addr" -> callHome.add(k);
                default -> { }
            }
        }
        if (hashes.isEmpty() && callHome.isEmpty()) return;
        String image = "C:\\ProgramData\\" + WORDS[r.nextInt(WORDS.length)] + ".exe";
        int pid = 2000 + r.nextInt(6000);
        if (!hashes.isEmpty()) {
            KnownIndicator h = r.pick(hashes);
            String algorithm = h.type().substring(5).toUpperCase(Locale.ROOT);
            LogRecord.Win p = WindowsEvents.process(t, index, r, image, "NT AUTHORITY\\SYSTEM", WindowsEvents.W3WP, "w3wp.exe", 4000, pid);
            String[] data = java.util.Arrays.copyOf(p.data(), p.data().length + 2);
            data[data.length - 2] = "Hashes";
            data[data.length - 1] = algorithm + "=" + h.value().toUpperCase(Locale.ROOT);
            out.add(new LogRecord.Win(p.time(), p.op(), p.channel(), p.provider(), p.eventId(), data));
            op.saw(t);
        }
        if (!callHome.isEmpty()) {
            KnownIndicator c = r.pick(callHome);
            t += 5_000 + r.nextInt(60_000);
            if (c.type().equals("domain-name")) {
                out.add(WindowsEvents.dnsQuery(t, index, r, image, pid, c.value()));
            } else {
                out.add(new LogRecord.Win(t, index, LogRecord.Channel.SYSMON, WindowsEvents.SYSMON, 3, new String[] {
                        "RuleName", "-", "UtcTime", WindowsEvents.utcTime(t), "ProcessGuid", WindowsEvents.guid(r), "ProcessId",
                        Integer.toString(pid), "Image", image, "Protocol", "tcp", "Initiated", "true", "SourceIp",
                        Addresses.text(host.internalIp()), "DestinationIp", c.value(), "DestinationPort", "443"}));
            }
            op.saw(t);
        }
    }

    private void fillVars(Map<String, String> vars, long t) {
        vars.put("{rand}", r.letters(6));
        vars.put("{word}", WORDS[r.nextInt(WORDS.length)] + (r.chance(0.5) ? Integer.toString(r.nextInt(100)) : ""));
        vars.put("{user}", BenignActivity.user(org, r.nextInt(org.users())));
        vars.put("{domain}", org.netbios());
        vars.put("{dc}", "DC0" + (1 + r.nextInt(2)));
        vars.put("{internal}", Addresses.text(org.internal() + 1 + r.nextInt(20)));
        vars.put("{ip}", Addresses.text(address(t, 7)));
        vars.put("{pid}", Integer.toString(600 + r.nextInt(400)));
        vars.put("{host}", host.shortName());
    }

    private static String fill(String text, Map<String, String> vars) {
        String s = text;
        for (Map.Entry<String, String> e : vars.entrySet()) if (s.contains(e.getKey())) s = s.replace(e.getKey(), e.getValue());
        return s;
    }

    /** One variant's steps: each process through the shell (a POST, then w3wp.exe → cmd.exe → the tool), files, lookups, accounts, cmdlets. */
    private long run(Tradecraft.Variant v, Map<String, String> vars, long t, int ip, String url, String shellDir) {
        String lastImage = WindowsEvents.W3WP, lastCommand = "";
        int lastPid = 5000;
        for (Tradecraft.Step step : v.steps()) if (step.text().contains("{ip}")) op.infrastructure.add(vars.get("{ip}")); // a download or C2 server
        for (Tradecraft.Step step : v.steps()) {
            String text = fill(step.text(), vars);
            t += 2000 + r.nextInt(90_000);
            switch (step.kind()) {
                case "process" -> {
                    add(shellRequest(t, ip, url), ip);
                    int w3wp = 4000 + r.nextInt(9000), cmdPid = 1000 + r.nextInt(60000), pid = 1000 + r.nextInt(60000);
                    String wrapper = "cmd /c cd /d \"" + shellDir + "\\\"&" + text + "&echo [S]&cd&echo [E]";
                    add(WindowsEvents.process(t + 40, index, r, wrapper, "NT AUTHORITY\\SYSTEM", WindowsEvents.W3WP,
                            WindowsEvents.w3wpCommandLine(r.pick(WindowsEvents.POOLS)), w3wp, cmdPid), 0);
                    if (!text.regionMatches(true, 0, "cmd.exe ", 0, 8)) {
                        add(WindowsEvents.process(t + 90, index, r, text, "NT AUTHORITY\\SYSTEM", WindowsEvents.CMD, wrapper, cmdPid, pid), 0);
                        lastImage = WindowsEvents.image(text);
                    } else lastImage = WindowsEvents.CMD;
                    lastPid = pid;
                    lastCommand = text;
                }
                case "file" -> add(WindowsEvents.fileCreate(t, index, r, lastImage, lastPid, text), 0);
                case "dns" -> add(WindowsEvents.dnsQuery(t, index, r, lastImage, lastPid, text), 0);
                case "account" -> {
                    // A domain account is created on a domain controller, whose log is not in this collection.
                    if (!lastCommand.toLowerCase(Locale.ROOT).contains("/domain")) add(WindowsEvents.accountCreated(t, index, org, host, text), 0);
                }
                case "ecp" -> {
                    int sp = text.indexOf(' ');
                    add(new LogRecord.Ecp(t, index, org.netbios() + "\\Administrator", ip, sp < 0 ? text : text.substring(0, sp),
                            sp < 0 ? "" : text.substring(sp + 1)), ip);
                }
                default -> throw new IllegalStateException("unknown step kind " + step.kind());
            }
        }
        return t;
    }
}
