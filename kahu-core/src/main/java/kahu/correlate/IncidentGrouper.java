package kahu.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups findings into incidents: per organisation and host, oldest first, one incident per intruder.
 * A finding that shows an attacker's public address or a web-shell page joins the incident that saw
 * that address or page within {@link #RETURN_WINDOW} (an intruder returning to the shell it left), or
 * starts a new one; a finding without one (a process started on the server, a file written) joins the
 * incident active most recently on that host, if within {@code gap}. In 2021 several groups often
 * exploited the same server days or hours apart: they must not become one incident. One group's
 * exploitation and hands-on work took minutes to hours, and it came back days later.
 */
public final class IncidentGrouper {
    public static final Duration DEFAULT_GAP = Duration.ofHours(24);
    /** An attacker who comes back to the same server through the same address or web shell within this is the same intrusion. */
    static final Duration RETURN_WINDOW = Duration.ofDays(14);
    private static final Set<String> DESTRUCTIVE = Set.of("T1486", "T1489", "T1490", "T1485", "T1561");

    private final Duration gap;

    public IncidentGrouper(Duration gap) {
        this.gap = gap;
    }

    /** Incidents, oldest first. */
    public static final Comparator<Incident> ORDER = Comparator.comparing(Incident::first).thenComparing(Incident::id);

    public List<Incident> group(List<Finding> findings, OrganisationRegister register) {
        List<Incident> out = groupUnsorted(findings, register);
        out.sort(ORDER);
        return out;
    }

    /**
     * The incidents of these findings in no particular order. Incidents never span organisations, so an
     * investigation groups one organisation's findings at a time and sorts the union by {@link #ORDER}:
     * the same incidents as grouping everything at once, without holding every detection.
     */
    public List<Incident> groupUnsorted(List<Finding> findings, OrganisationRegister register) {
        Map<String, List<Finding>> byHost = new TreeMap<>();
        for (Finding f : findings) byHost.computeIfAbsent(f.organisation() + "\n" + hostKey(f), k -> new ArrayList<>()).add(f);
        List<Incident> out = new ArrayList<>();
        for (List<Finding> list : byHost.values()) {
            Organisation owner = register.byId(list.getFirst().organisation());
            Set<String> own = owner == null ? Set.of() : owner.addresses();
            list.sort(Comparator.comparing((Finding f) -> f.time() == null ? Instant.EPOCH : f.time()).thenComparing(Finding::id));
            List<Session> sessions = new ArrayList<>();
            for (Finding f : list) {
                Instant t = f.time() == null ? Instant.EPOCH : f.time();
                Set<String> values = attackerValues(f, own);
                Session into = null;
                boolean unsure = false;
                if (!values.isEmpty()) {
                    // The intruder whose address or shell this is, if seen here recently enough; a finding
                    // that ties two of them together (a request from one's address to the other's shell) joins them.
                    for (java.util.Iterator<Session> it = sessions.iterator(); it.hasNext(); ) {
                        Session s = it.next();
                        if (java.util.Collections.disjoint(s.values, values) || Duration.between(s.last, t).compareTo(RETURN_WINDOW) > 0) continue;
                        if (into == null) {
                            into = s;
                        } else {
                            into.findings.addAll(s.findings);
                            into.unsure.addAll(s.unsure);
                            into.values.addAll(s.values);
                            into.hasShell |= s.hasShell;
                            if (s.last.isAfter(into.last)) into.last = s.last;
                            it.remove();
                        }
                    }
                } else {
                    // No address (a process on the server, a file): the intruder active here most recently who has
                    // a web shell here (a scanner probing in between is not who runs commands through it), else the
                    // most recent one.
                    int withShell = 0;
                    for (Session s : sessions) {
                        if (Duration.between(s.last, t).compareTo(gap) > 0) continue;
                        if (s.hasShell) withShell++;
                        boolean better = into == null || (s.hasShell && !into.hasShell) || (s.hasShell == into.hasShell && s.last.isAfter(into.last));
                        if (better) into = s;
                    }
                    // Two intruders with shells here: which one ran this is a guess. (Without a shell yet, the one most
                    // recently seen is the better guess: an exploit's own traces follow its requests within seconds.)
                    if (withShell >= 2) unsure = true;
                }
                if (into == null) {
                    into = new Session();
                    sessions.add(into);
                }
                into.findings.add(f);
                if (unsure) into.unsure.add(f.id());
                into.values.addAll(values);
                into.hasShell |= f.stage() != Stage.ATTEMPT;
                into.last = t;
            }
            for (Session s : sessions) {
                s.findings.sort(Comparator.comparing((Finding f) -> f.time() == null ? Instant.EPOCH : f.time()).thenComparing(Finding::id));
                out.add(incident(s.findings, s.unsure, register));
            }
        }
        return out;
    }

    /** One intruder's activity on one host, as far as it has been followed. */
    private static final class Session {
        final List<Finding> findings = new ArrayList<>();
        final Set<String> values = new java.util.HashSet<>();
        final Set<String> unsure = new java.util.HashSet<>();
        Instant last = Instant.EPOCH;
        /** Got past an attempt here: a web shell, commands, anything beyond exploitation tries. */
        boolean hasShell;
    }

    /** The attacker's public addresses and the web-shell page names a finding shows. */
    private static Set<String> attackerValues(Finding f, Set<String> own) {
        Set<String> v = new java.util.HashSet<>();
        for (String ip : f.detection().observables().getOrDefault("ipv4-addr", List.of())) {
            if (PublicAddress.isPublic(ip) && !own.contains(ip)) v.add(ip);
        }
        if ("webshell".equals(f.detection().engine()) || f.detection().techniques().contains("T1505.003")) {
            for (String key : List.of("url-path", "file:path")) {
                for (String p : f.detection().observables().getOrDefault(key, List.of())) {
                    if (LinkValues.isPage(p)) v.add("page:" + LinkValues.baseName(p));
                }
            }
        }
        return v;
    }

    private static String hostKey(Finding f) {
        return f.host() == null ? "-" : f.host().toLowerCase(java.util.Locale.ROOT);
    }

    private static Incident incident(List<Finding> findings, Set<String> unsure, OrganisationRegister register) {
        Finding first = findings.getFirst();
        Organisation org = register.byId(first.organisation());
        if (org == null) org = Organisation.UNKNOWN;
        Stage stage = Stage.ATTEMPT;
        boolean destructive = false;
        for (Finding f : findings) {
            if (f.stage().compareTo(stage) > 0) stage = f.stage();
            for (String t : f.detection().techniques()) destructive |= DESTRUCTIVE.contains(t.length() > 5 ? t.substring(0, 5) : t);
        }
        Instant from = first.time() == null ? Instant.EPOCH : first.time();
        Instant to = findings.getLast().time() == null ? from : findings.getLast().time();
        return new Incident(idOf(first), org, first.host(), from, to, findings, stage, IncidentCategory.of(org, stage, destructive), unsure);
    }

    static String idOf(Finding first) {
        return "incident-" + Ids.sha256Hex("incident\n" + first.id(), 6);
    }
}
