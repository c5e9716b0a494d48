package kahu.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import kahu.stix.ReadObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One run of {@link EvidenceExtractor} over the selected objects: holds what the steps share. */
final class EvidenceExtraction {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Set<String> OBSERVABLE_TYPES =
            Set.of("ipv4-addr", "ipv6-addr", "domain-name", "url", "autonomous-system", "x509-certificate", "file");

    private final BundleIndex index;
    private final List<ReadObject> selected;
    private final String subjectId;
    private final String label;
    private final TechniqueResolver techniques;
    private final SoftwareResolver software;
    private final EvidenceCollector out;
    private final List<Instant> eventTimes = new ArrayList<>();
    /** Observables reported through an observed-data: taken from there, with its time. */
    private final Set<String> observedObservables = new HashSet<>();
    /** Indicator id → its sightings among the selected objects. */
    private final Map<String, List<ReadObject>> sightingsOf = new HashMap<>();
    /** Indicator id → the attack-patterns selected {@code indicates} relationships point it at. */
    private final Map<String, List<ReadObject>> indicatedPatterns = new HashMap<>();

    /** @param label names the evidence (file or subject) in sources that no single object explains */
    EvidenceExtraction(BundleIndex index, List<ReadObject> selected, String subjectId, String label,
                       TechniqueResolver techniques, SoftwareResolver software, EvidenceCollector out) {
        this.index = index;
        this.selected = selected;
        this.subjectId = subjectId;
        this.label = label;
        this.techniques = techniques;
        this.software = software;
        this.out = out;
    }

    void run() {
        for (ReadObject o : selected) {
            if (o.type().equals("observed-data")) observedObservables.addAll(BundleIndex.texts(o.json(), "object_refs"));
            if (o.type().equals("sighting")) {
                String of = BundleIndex.text(o.json(), "sighting_of_ref");
                if (of != null) sightingsOf.computeIfAbsent(of, k -> new ArrayList<>()).add(o);
            }
            if (o.type().equals("relationship") && "indicates".equals(BundleIndex.text(o.json(), "relationship_type"))) {
                ReadObject target = index.get(BundleIndex.text(o.json(), "target_ref"));
                String from = BundleIndex.text(o.json(), "source_ref");
                if (from != null && target != null && target.type().equals("attack-pattern")) {
                    indicatedPatterns.computeIfAbsent(from, k -> new ArrayList<>()).add(target);
                }
            }
        }
        for (ReadObject o : selected) {
            switch (o.type()) {
                case "attack-pattern" -> attackPattern(o, o, null);
                case "sighting" -> sighting(o);
                case "observed-data" -> observedData(o);
                case "indicator" -> indicator(o);
                case "malware", "tool" -> software(o);
                case "vulnerability" -> vulnerability(o);
                default -> {
                    if (OBSERVABLE_TYPES.contains(o.type()) && !observedObservables.contains(o.id())) observable(o, o, null);
                }
            }
            artefacts(o);
            eventTimes(o);
        }
        VictimEvidence.collect(index, selected, subjectId, out);
        timing();
    }

    /** A technique from an attack-pattern, reported by {@code reporter} (itself, or a sighting of it). */
    private void attackPattern(ReadObject pattern, ReadObject reporter, Instant when) {
        String source = BundleIndex.sourceOf(reporter);
        String raw = BundleIndex.externalId(pattern.json(), "mitre-attack");
        if (raw == null) {
            out.warn(BundleIndex.sourceOf(pattern) + ": attack-pattern without an ATT&CK ID (external reference mitre-attack); ignored");
            return;
        }
        technique(raw, source, when);
    }

    private void technique(String raw, String source, Instant when) {
        String id = techniques.resolve(raw, source, out);
        if (id != null) out.add(Evidence.of(EvidenceKind.TECHNIQUE, id, source).observedAt(when));
    }

    private void sighting(ReadObject s) {
        ReadObject of = index.get(BundleIndex.text(s.json(), "sighting_of_ref"));
        if (of == null) return;
        Instant when = BundleIndex.instant(s.json(), "first_seen");
        if (of.type().equals("attack-pattern")) {
            attackPattern(of, s, when);
        } else if (of.type().equals("indicator")) {
            // A sighted indicator that indicates a technique is evidence the technique was used.
            for (ReadObject pattern : indicatedPatterns.getOrDefault(of.id(), List.of())) attackPattern(pattern, s, when);
        }
    }

    private void observedData(ReadObject od) {
        JsonNode j = od.json();
        Instant when = BundleIndex.instant(j, "first_observed");
        for (String ref : BundleIndex.texts(j, "object_refs")) {
            ReadObject sco = index.get(ref);
            if (sco != null) observable(sco, od, when);
        }
        // STIX 2.0 observed-data embeds its observables; the upgrade may keep them.
        JsonNode embedded = j.get("objects");
        if (embedded != null && embedded.isObject()) {
            for (JsonNode sco : embedded) add(ObservableValues.ofObservable(sco.path("type").asText(), sco), BundleIndex.sourceOf(od), when);
        }
        for (String t : BundleIndex.texts(j, "x_kahu_techniques")) technique(t, BundleIndex.sourceOf(od), when);
    }

    private void observable(ReadObject sco, ReadObject reporter, Instant when) {
        add(ObservableValues.ofObservable(sco.type(), sco.json()), BundleIndex.sourceOf(reporter), when);
    }

    private void indicator(ReadObject ind) {
        JsonNode j = ind.json();
        // When the indicator was seen, that is when the activity happened; valid_from is only when it was published.
        Instant when = null;
        for (ReadObject s : sightingsOf.getOrDefault(ind.id(), List.of())) {
            Instant seen = BundleIndex.instant(s.json(), "first_seen");
            if (seen != null && (when == null || seen.isBefore(when))) when = seen;
        }
        if (when == null) when = BundleIndex.instant(j, "valid_from");
        String pattern = BundleIndex.text(j, "pattern");
        String type = BundleIndex.text(j, "pattern_type");
        if (type != null && !type.equals("stix")) return; // Snort, YARA, Sigma: not read here
        List<ObservableValues.Value> values = ObservableValues.ofPattern(pattern);
        if (values.isEmpty()) {
            out.warn(BundleIndex.sourceOf(ind) + ": indicator pattern has no address, domain, URL, certificate or hash comparison Kahu reads; ignored");
        }
        add(values, BundleIndex.sourceOf(ind), when);
    }

    private void add(List<ObservableValues.Value> values, String source, Instant when) {
        for (ObservableValues.Value v : values) out.add(Evidence.of(v.kind(), v.value(), source).observedAt(when));
    }

    private void software(ReadObject o) {
        JsonNode j = o.json();
        List<String> names = new ArrayList<>();
        String name = BundleIndex.text(j, "name");
        if (name != null) names.add(name);
        names.addAll(BundleIndex.texts(j, "aliases"));
        names.addAll(BundleIndex.texts(j, "x_mitre_aliases"));
        String source = BundleIndex.sourceOf(o);
        String ownId = BundleIndex.externalId(j, "mitre-attack");
        if (names.isEmpty() && ownId == null) {
            out.warn(source + ": " + o.type() + " without a name; ignored");
            return;
        }
        if (names.isEmpty()) names.add(ownId);
        SoftwareResolver.Match m = software.resolve(ownId, names);
        if (!m.known()) out.warn(source + ": " + o.type() + " \"" + names.getFirst() + "\" is unknown to the knowledge base");
        EvidenceKind k = EvidenceKind.SOFTWARE;
        out.add(new Evidence(k, m.value(), source, k.defaultReliability(), k.defaultFakeability(), null, m.implies()));
    }

    private void vulnerability(ReadObject o) {
        String cve = BundleIndex.externalId(o.json(), "cve");
        String name = BundleIndex.text(o.json(), "name");
        if (cve == null && name != null) cve = name;
        String id = cve == null ? null : cve.strip().toUpperCase(Locale.ROOT);
        if (id == null || !CVE.matcher(id).matches()) {
            out.warn(BundleIndex.sourceOf(o) + ": vulnerability without a CVE ID; ignored");
            return;
        }
        out.add(Evidence.of(EvidenceKind.VULNERABILITY, id, BundleIndex.sourceOf(o)));
    }

    /** Resource-language and compile-time traces an analyst recorded as Kahu custom properties. */
    private void artefacts(ReadObject o) {
        String source = BundleIndex.sourceOf(o);
        String language = BundleIndex.text(o.json(), "x_kahu_language");
        if (language != null) {
            String tag = Locale.forLanguageTag(language.strip()).toLanguageTag();
            if (tag.equals("und")) out.warn(source + ": x_kahu_language \"" + language + "\" is not a language tag; ignored");
            else out.add(Evidence.of(EvidenceKind.ARTEFACT, "language:" + tag, source));
        }
        String offset = BundleIndex.text(o.json(), "x_kahu_compile_offset");
        if (offset != null) {
            try {
                String text = WorkingHours.Fit.offsetText(ZoneOffset.of(offset.strip()));
                out.add(Evidence.of(EvidenceKind.ARTEFACT, "compile-offset:" + text, source));
            } catch (java.time.DateTimeException e) { // DateTimeParseException included
                out.warn(source + ": x_kahu_compile_offset \"" + offset + "\" is not a UTC offset like +03:00; ignored");
            }
        }
    }

    private void eventTimes(ReadObject o) {
        JsonNode j = o.json();
        switch (o.type()) {
            case "observed-data" -> span(j, "first_observed", "last_observed");
            case "sighting" -> span(j, "first_seen", "last_seen");
            default -> { }
        }
        for (String t : BundleIndex.texts(j, "x_kahu_event_times")) {
            try {
                eventTimes.add(Instant.parse(t));
            } catch (DateTimeParseException e) {
                out.warn(BundleIndex.sourceOf(o) + ": x_kahu_event_times has \"" + t + "\", not a timestamp; ignored");
            }
        }
    }

    /** A first/last pair is two events, or one when both are the same instant. */
    private void span(JsonNode j, String first, String last) {
        Instant a = BundleIndex.instant(j, first), b = BundleIndex.instant(j, last);
        if (a != null) eventTimes.add(a);
        if (b != null && !b.equals(a)) eventTimes.add(b);
    }

    private void timing() {
        if (eventTimes.isEmpty()) return;
        if (eventTimes.size() < WorkingHours.MIN_EVENTS) {
            out.warn("timing inconclusive: only " + eventTimes.size() + " activity timestamps, at least "
                    + WorkingHours.MIN_EVENTS + " are needed");
            return;
        }
        WorkingHours.Fit fit = WorkingHours.bestFit(eventTimes).orElseThrow();
        String share = fit.explained() + " of " + fit.total() + " activity timestamps ("
                + Math.round(fit.share() * 100) + "%) fall on weekdays 08:00-19:00 at UTC" + fit.offsetText();
        if (fit.conclusive()) {
            out.add(Evidence.of(EvidenceKind.TIMING, fit.offsetText(), label + ": working hours: " + share));
        } else {
            out.warn("timing inconclusive: at best " + share + ", below " + Math.round(WorkingHours.MIN_SHARE * 100) + "%");
        }
    }
}
