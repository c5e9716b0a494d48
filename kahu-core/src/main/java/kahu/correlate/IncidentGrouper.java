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
 * Groups findings into incidents: per organisation and host, oldest first, a new incident when the
 * next finding comes more than {@code gap} after the last one. The 2021 intrusions on one server by
 * different groups were days apart, one group's exploitation and hands-on work minutes to hours.
 */
public final class IncidentGrouper {
    public static final Duration DEFAULT_GAP = Duration.ofHours(24);
    private static final Set<String> DESTRUCTIVE = Set.of("T1486", "T1489", "T1490", "T1485", "T1561");

    private final Duration gap;

    public IncidentGrouper(Duration gap) {
        this.gap = gap;
    }

    public List<Incident> group(List<Finding> findings, OrganisationRegister register) {
        Map<String, List<Finding>> byHost = new TreeMap<>();
        for (Finding f : findings) byHost.computeIfAbsent(f.organisation() + "\n" + hostKey(f), k -> new ArrayList<>()).add(f);
        List<Incident> out = new ArrayList<>();
        for (List<Finding> list : byHost.values()) {
            list.sort(Comparator.comparing((Finding f) -> f.time() == null ? Instant.EPOCH : f.time()).thenComparing(Finding::id));
            List<Finding> current = new ArrayList<>();
            Instant last = null;
            for (Finding f : list) {
                Instant t = f.time() == null ? Instant.EPOCH : f.time();
                if (last != null && Duration.between(last, t).compareTo(gap) > 0) {
                    out.add(incident(current, register));
                    current = new ArrayList<>();
                }
                current.add(f);
                last = t;
            }
            if (!current.isEmpty()) out.add(incident(current, register));
        }
        out.sort(Comparator.comparing(Incident::first).thenComparing(Incident::id));
        return out;
    }

    private static String hostKey(Finding f) {
        return f.host() == null ? "-" : f.host().toLowerCase(java.util.Locale.ROOT);
    }

    private static Incident incident(List<Finding> findings, OrganisationRegister register) {
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
        return new Incident(idOf(first), org, first.host(), from, to, findings, stage, IncidentCategory.of(org, stage, destructive));
    }

    static String idOf(Finding first) {
        return "incident-" + Ids.sha256Hex("incident\n" + first.id(), 6);
    }
}
