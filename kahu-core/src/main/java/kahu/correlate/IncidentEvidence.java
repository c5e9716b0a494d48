package kahu.correlate;

import kahu.attribution.Evidence;
import kahu.attribution.EvidenceExtractor;
import kahu.attribution.EvidenceKind;
import kahu.attribution.EvidenceSet;
import kahu.attribution.WorkingHours;
import kahu.detect.Detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evidence an incident (or a campaign, pooling its incidents) gives the attribution engine, taken
 * only from its detections and the victim's register entry: the techniques the rules name, software
 * and CVEs from rule tags, the attacker's public addresses, web-shell hashes, the victim's sector and
 * country, and the working hours the activity's timestamps fit. Each item points at the log line or
 * file it came from.
 */
public final class IncidentEvidence {
    /** How far an unsure finding's items are trusted: two intruders had shells on the host, so about even odds. */
    static final double UNSURE = 0.5;
    /** The share of a campaign's incidents an item must be seen in to count at all (see {@link #leaveOutRare}). */
    static final double PREVALENCE = 0.001;
    private final EvidenceExtractor extractor;

    public IncidentEvidence(EvidenceExtractor extractor) {
        this.extractor = extractor;
    }

    public EvidenceSet of(Incident incident) {
        return collect(incident.id(), List.of(incident));
    }

    public EvidenceSet of(Campaign campaign) {
        return collect(campaign.id(), campaign.incidents());
    }

    /**
     * @param subject   the incident or campaign
     * @param incidents one incident, or a campaign's. A finding an incident got by a guess between two intruders on
     *                  its host ({@link Incident#unsure}) is as likely the other's: its items count with half their
     *                  reliability (the model mixes an item's likelihood ratio with 1 by its unreliability), so that
     *                  the other group's known ransomware hash cannot speak for a whole campaign, and the same item
     *                  seen in a sure finding replaces it.
     */
    private EvidenceSet collect(String subject, List<Incident> incidents) {
        Map<String, Evidence> items = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Map<String, Integer> incidentsWith = new java.util.HashMap<>();
        Map<String, String> keptFrom = new java.util.HashMap<>(); // technique item → the event (location) it was kept from
        for (Incident incident : incidents) {
            Map<String, Evidence> seenHere = new java.util.HashMap<>();
            collectOne(incident, items, seenHere, keptFrom, warnings, times);
            for (String key : seenHere.keySet()) incidentsWith.merge(key, 1, Integer::sum);
        }
        if (incidents.size() > 1) leaveOutRare(items, incidentsWith, incidents.size(), warnings);
        shareObservations(items, keptFrom); // after the prevalence rule: a tag it left out shares nothing
        if (times.size() >= WorkingHours.MIN_EVENTS) {
            WorkingHours.bestFit(times).filter(WorkingHours.Fit::conclusive).ifPresent(fit -> put(items,
                    Evidence.of(EvidenceKind.TIMING, fit.offsetText(), subject + ": " + fit.explained() + " of " + fit.total()
                            + " detections fall on weekdays 08:00-19:00 at UTC" + fit.offsetText())));
        }
        if (items.isEmpty()) warnings.add("no usable evidence");
        return new EvidenceSet(subject, List.copyOf(items.values()), warnings.stream().distinct().toList());
    }

    /**
     * A campaign's actor shows its traits across its incidents; a value seen in a sliver of a large campaign's
     * incidents is as likely another group's artefact (at 250,000 servers, two incidents out of 87,304 of Lemon
     * Duck's campaign held DearCry's ransomware hashes, the groups having worked the same servers, and those
     * hashes outweighed Lemon Duck's own indicator seen in 2,302). An item seen in fewer than {@link #PREVALENCE}
     * of the incidents is left out of the campaign's evidence and named in its warnings; below 1,000 incidents
     * every item seen once counts, as before. Scaling such an item's reliability instead (tried first) was not
     * enough: the model mixes a likelihood ratio with 1 by the unreliability, so a known hash (ratio 100) at a
     * tenth of its reliability still weighs a factor of about 11, and at 250,000 servers several such items from
     * the few incidents HAFNIUM's every-server wave shared with APT40 and APT27 added up to HAFNIUM for both.
     */
    static void leaveOutRare(Map<String, Evidence> items, Map<String, Integer> incidentsWith, int incidents, List<String> warnings) {
        int needed = (int) Math.max(1, Math.ceil(PREVALENCE * incidents));
        if (needed == 1) return;
        List<String> dropped = new ArrayList<>();
        for (var it = items.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            int seen = incidentsWith.getOrDefault(e.getKey(), 1);
            if (seen >= needed) continue;
            dropped.add(e.getKey() + " (" + seen + ")");
            it.remove();
        }
        if (!dropped.isEmpty()) {
            warnings.add(dropped.size() + " item(s) seen in fewer than " + needed + " of " + incidents
                    + " incidents left out as likely another group's: " + String.join(", ", dropped.subList(0, Math.min(20, dropped.size())))
                    + (dropped.size() > 20 ? ", …" : ""));
        }
    }

    private void collectOne(Incident incident, Map<String, Evidence> items, Map<String, Evidence> seenHere,
                            Map<String, String> keptFrom, List<String> warnings, List<Instant> times) {
        java.util.Set<String> own = incident.organisation().addresses();
        // The tags of every detection of one event (one log line or record): several rules firing on one command line
        // saw one behaviour, as one rule's several tags do.
        Map<String, List<String>> tagsAt = new java.util.HashMap<>();
        for (Finding f : incident.findings()) {
            Detection d = f.detection();
            if (d.techniques().isEmpty()) continue;
            List<String> tags = tagsAt.computeIfAbsent(d.location(), k -> new ArrayList<>());
            for (String t : d.techniques()) if (!tags.contains(t)) tags.add(t);
        }
        for (Finding f : incident.findings()) {
            double trust = incident.sure(f) ? 1 : UNSURE;
            Detection d = f.detection();
            String source = d.location() + " (" + d.title() + ")";
            if (d.timestamp() != null) times.add(d.timestamp());
            if (!d.techniques().isEmpty()) techniques(d, tagsAt.get(d.location()), source, trust, items, seenHere, keptFrom, warnings);
            for (String s : f.software()) put(items, seenHere, extractor.software(s, source), trust);
            for (String c : f.cves()) put(items, seenHere, Evidence.of(EvidenceKind.VULNERABILITY, c, source), trust);
            for (String ip : d.observables().getOrDefault("ipv4-addr", List.of())) {
                if (PublicAddress.isPublic(ip) && !own.contains(ip)) {
                    String type = ip.indexOf(':') >= 0 ? "ipv6-addr:" : "ipv4-addr:";
                    put(items, seenHere, Evidence.of(EvidenceKind.INFRASTRUCTURE, type + ip.toLowerCase(Locale.ROOT), source)
                            .observedAt(d.timestamp()), trust);
                }
            }
            Evidence known = indicatorValue(d);
            if (known != null) put(items, seenHere, known, trust);
            for (String h : d.observables().getOrDefault("file:sha256", List.of())) {
                put(items, seenHere, Evidence.of(EvidenceKind.FILE_HASH, "sha256:" + h.toLowerCase(Locale.ROOT), source).observedAt(d.timestamp()), trust);
            }
        }
        Organisation org = incident.organisation();
        String registered = "register: " + org.pseudonym();
        if (org.sector() != null) put(items, seenHere, Evidence.of(EvidenceKind.SECTOR, org.sector(), registered), 1);
        if (org.country() != null) put(items, seenHere, Evidence.of(EvidenceKind.COUNTRY, org.country().toUpperCase(Locale.ROOT), registered), 1);
    }

    /**
     * The techniques of the event a detection fired on (its rule's tags and those of every other rule that fired on
     * the same log line or record): one behaviour seen once, so several tags are one observation
     * ({@link EvidenceExtractor#techniques}); {@code keptFrom} records which event each kept technique comes from.
     * The tags are resolved only when one of them could replace what is already kept (the same technique seen
     * before at least as reliably, by an observation with no more tags): at national scale most detections repeat
     * what their incident showed.
     */
    private void techniques(Detection d, List<String> tags, String source, double trust, Map<String, Evidence> items,
                            Map<String, Evidence> seenHere, Map<String, String> keptFrom, List<String> warnings) {
        double reliability = EvidenceKind.TECHNIQUE.defaultReliability() * trust;
        boolean sharper = false;
        for (String t : tags) {
            Evidence seen = items.get("technique " + t);
            if (seen != null) seenHere.put(seen.describe(), seen);
            if (seen == null || better(reliability, tags.size(), seen)) sharper = true;
        }
        if (!sharper) return;
        for (Evidence e : extractor.techniques(tags, source, d.timestamp(), warnings)) {
            if (put(items, seenHere, e, trust)) keptFrom.put(e.describe(), d.location());
        }
    }

    /**
     * An event is one observation however many techniques its rules are tagged with, and its weight is shared
     * by the tags it is the kept sighting of: a tag another event shows on its own (or that another
     * multi-tag event was kept for) is counted with that event, as every repeated item is counted
     * once, and leaves the rest of this event's weight to its other tags; so does a tag the prevalence rule
     * left out. Each co-tagged item ends up naming only the tags kept from the same event
     * ({@link Evidence#observedWith}), and its source says so.
     */
    static void shareObservations(Map<String, Evidence> items, Map<String, String> keptFrom) {
        for (var entry : items.entrySet()) {
            Evidence e = entry.getValue();
            if (e.observedWith().isEmpty()) continue;
            String from = keptFrom.get(entry.getKey());
            List<String> partners = e.observedWith().stream()
                    .filter(v -> from != null && from.equals(keptFrom.get("technique " + v)) && items.containsKey("technique " + v)).toList();
            String note = partners.isEmpty() ? "" : " (one observation with " + String.join(", ", partners) + ")";
            entry.setValue(new Evidence(e.kind(), e.value(), e.source() + note, e.reliability(), e.fakeability(), e.observedAt(),
                    e.implies(), partners));
        }
    }

    /**
     * Whether a sighting with this reliability, by an observation of {@code size} values, is better than the kept one:
     * more reliable, or as reliable and sharper (a technique a detection shows on its own counts fully, one of several
     * tags only as its share of their observation).
     */
    private static boolean better(double reliability, int size, Evidence kept) {
        return kept.reliability() < reliability || kept.reliability() == reliability && kept.observationSize() > size;
    }

    /**
     * The value a known-indicator detection matched ("domain:yolkish.com" → infrastructure
     * domain-name:yolkish.com, "sha1:…" → file hash): the model weighs it against the knowledge base's
     * indicators, whoever the feed said it belonged to.
     */
    static Evidence indicatorValue(Detection d) {
        if (!"indicator".equals(d.engine())) return null;
        int colon = d.ruleId().indexOf(':');
        if (colon < 0) return null;
        String type = d.ruleId().substring(0, colon), value = d.ruleId().substring(colon + 1).toLowerCase(Locale.ROOT);
        String source = d.location() + " (" + d.title() + ")";
        Evidence e = switch (type) {
            case "ipv4" -> Evidence.of(EvidenceKind.INFRASTRUCTURE, "ipv4-addr:" + value, source);
            case "ipv6" -> Evidence.of(EvidenceKind.INFRASTRUCTURE, "ipv6-addr:" + value, source);
            case "domain" -> Evidence.of(EvidenceKind.INFRASTRUCTURE, "domain-name:" + value, source);
            case "url" -> Evidence.of(EvidenceKind.INFRASTRUCTURE, "url:" + value, source);
            case "md5", "sha1", "sha256" -> Evidence.of(EvidenceKind.FILE_HASH, type + ":" + value, source);
            default -> null;
        };
        return e == null ? null : e.observedAt(d.timestamp());
    }

    private static void put(Map<String, Evidence> items, Evidence e) {
        items.putIfAbsent(e.describe(), e);
    }

    /**
     * Puts an item seen with this trust (1, or {@link #UNSURE}); a better sighting of the same item (more reliable, or as
     * reliable and by an observation with fewer values, see {@link #better}) replaces the kept one. Whether it was kept.
     */
    private static boolean put(Map<String, Evidence> items, Map<String, Evidence> seenHere, Evidence e, double trust) {
        if (trust < 1) e = e.discounted(trust, "unsure: another intruder was active");
        seenHere.put(e.describe(), e);
        Evidence seen = items.get(e.describe());
        if (seen != null && !better(e.reliability(), e.observationSize(), seen)) return false;
        items.put(e.describe(), e);
        return true;
    }
}
