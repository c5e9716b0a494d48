package kahu.attribution;

import kahu.knowledge.KnowledgeBase;
import kahu.stix.ReadObject;
import kahu.stix.StixReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 1 of attribution: turns STIX 2.1 evidence into {@link Evidence} items the model scores —
 * techniques, software, infrastructure, file hashes, vulnerabilities, the victim's sectors and
 * countries, the working-hours time zone and artefacts — with warnings for what could not be used.
 * <p>
 * The evidence is every object of the input, or, with a subject id, what {@link SubjectSelection}
 * selects around that grouping, incident or report. Bad input never throws: unknown or revoked
 * technique IDs, unknown software, unreadable objects and empty input become warnings, and input
 * with nothing usable gives an empty set with the warning "no usable evidence".
 * <p>
 * Thread-safe once built: the knowledge base indexes are read only.
 */
public final class EvidenceExtractor {
    private final TechniqueResolver techniques;
    private final SoftwareResolver software;

    public EvidenceExtractor(KnowledgeBase kb) {
        this.techniques = new TechniqueResolver(kb);
        this.software = new SoftwareResolver(kb);
    }

    /**
     * Reads a STIX file (bundle, object or array; 2.0 upgraded) and extracts its evidence. Objects the
     * reader rejects become warnings "file:line: id: problem"; the valid rest is still used.
     *
     * @param subjectId a grouping, incident or report in the file, or null for every object
     * @throws IOException when the file cannot be opened at all
     */
    public EvidenceSet extract(Path bundle, String subjectId) throws IOException {
        List<ReadObject> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String file = BundleIndex.fileName(bundle.toString());
        new StixReader().read(bundle, objects::add, p -> problems.add(p.describe()));
        EvidenceCollector out = new EvidenceCollector();
        problems.forEach(out::warn);
        return extract(subjectId == null ? file : file + " " + subjectId, objects, subjectId, out);
    }

    /**
     * Extracts the evidence of objects already read.
     *
     * @param subject   what the result is about, shown to the analyst (e.g. the file name)
     * @param subjectId a grouping, incident or report among {@code objects}, or null for every object;
     *                  an id that is not there, or names another type, gives a warning and no items
     */
    public EvidenceSet extract(String subject, List<ReadObject> objects, String subjectId) {
        return extract(subject, objects, subjectId, new EvidenceCollector());
    }

    /**
     * A technique item for an ATT&CK ID seen outside STIX (a detection rule's tag), revoked IDs followed
     * to their successor; null (with a warning in {@code warnings}) when the ID is not a usable one.
     */
    public Evidence technique(String id, String source, java.time.Instant observedAt, List<String> warnings) {
        EvidenceCollector out = new EvidenceCollector();
        String resolved = techniques.resolve(id, source, out);
        warnings.addAll(out.warnings()); // not toSet's: its "no usable evidence" is about a whole set, not one tag
        return resolved == null ? null : Evidence.of(EvidenceKind.TECHNIQUE, resolved, source).observedAt(observedAt);
    }

    /**
     * The technique items of one observation tagged with several ATT&CK IDs (a detection rule's tags): one
     * behaviour seen once, so each item names the others ({@link Evidence#observedWith}) and the model lets
     * them weigh as one observation together. IDs that are not usable are left out (with a warning); tags
     * that resolve to the same ID are one. A single tag gives an item observed on its own.
     */
    public List<Evidence> techniques(List<String> ids, String source, java.time.Instant observedAt, List<String> warnings) {
        java.util.Map<String, Evidence> byId = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            Evidence e = technique(id, source, observedAt, warnings);
            if (e != null) byId.putIfAbsent(e.value(), e);
        }
        if (byId.size() < 2) return List.copyOf(byId.values());
        List<String> values = List.copyOf(byId.keySet());
        return byId.values().stream().map(e -> e.observedWith(values)).toList();
    }

    /** A software item for an ATT&CK software ID or family name seen outside STIX, with the techniques it implies. */
    public Evidence software(String idOrName, String source) {
        boolean isId = SoftwareResolver.SOFTWARE_ID.matcher(idOrName.strip().toUpperCase(java.util.Locale.ROOT)).matches();
        SoftwareResolver.Match m = software.resolve(isId ? idOrName : null, isId ? List.of() : List.of(idOrName));
        EvidenceKind k = EvidenceKind.SOFTWARE;
        return new Evidence(k, m.value(), source, k.defaultReliability(), k.defaultFakeability(), null, m.implies());
    }

    private EvidenceSet extract(String subject, List<ReadObject> objects, String subjectId, EvidenceCollector out) {
        BundleIndex index = new BundleIndex(objects);
        List<ReadObject> selected = SubjectSelection.select(index, subjectId, out);
        if (selected != null) {
            new EvidenceExtraction(index, selected, subjectId, subject, techniques, software, out).run();
        }
        return out.toSet(subject);
    }
}
