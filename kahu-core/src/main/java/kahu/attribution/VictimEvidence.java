package kahu.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import kahu.knowledge.Countries;
import kahu.stix.ReadObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Victimology: the sectors and countries of the victim. The victim is an identity or location that a
 * selected {@code targets} relationship points at, or an identity a grouping or incident subject
 * references directly (a report references its authors and sources too, so not there); a victim
 * identity's {@code located-at} locations count as the victim's country.
 */
final class VictimEvidence {
    private VictimEvidence() {}

    static void collect(BundleIndex index, List<ReadObject> selected, String subjectId, EvidenceCollector out) {
        Set<String> victims = new LinkedHashSet<>();
        for (ReadObject o : selected) {
            if (o.type().equals("relationship") && "targets".equals(BundleIndex.text(o.json(), "relationship_type"))) {
                victims.add(BundleIndex.text(o.json(), "target_ref"));
            }
        }
        ReadObject subject = index.get(subjectId);
        if (subject != null && (subject.type().equals("grouping") || subject.type().equals("incident"))) {
            for (String ref : BundleIndex.texts(subject.json(), "object_refs")) if (ref.startsWith("identity--")) victims.add(ref);
        }
        for (ReadObject o : selected) {
            JsonNode j = o.json();
            if (o.type().equals("relationship") && "located-at".equals(BundleIndex.text(j, "relationship_type"))
                    && victims.contains(BundleIndex.text(j, "source_ref"))) {
                victims.add(BundleIndex.text(j, "target_ref"));
            }
        }
        for (String id : victims) {
            ReadObject v = index.get(id);
            if (v == null) continue;
            switch (v.type()) {
                case "identity" -> sectors(v, out);
                case "location" -> country(v, out);
                default -> { } // a targeted vulnerability or infrastructure is not victimology
            }
        }
    }

    private static void sectors(ReadObject identity, EvidenceCollector out) {
        String source = BundleIndex.sourceOf(identity);
        for (String s : BundleIndex.texts(identity.json(), "sectors")) {
            String sector = IndustrySectors.kahuSector(s);
            if (sector == null) out.warn(source + ": sector \"" + s + "\" has no counterpart in Kahu's sector list; ignored");
            else out.add(Evidence.of(EvidenceKind.SECTOR, sector, source));
        }
    }

    private static void country(ReadObject location, EvidenceCollector out) {
        String raw = BundleIndex.text(location.json(), "country");
        if (raw == null) return; // a region alone is too coarse for the model
        String code = Countries.codeOf(raw);
        if (code == null) out.warn(BundleIndex.sourceOf(location) + ": country \"" + raw + "\" is not an ISO 3166-1 alpha-2 code; ignored");
        else out.add(Evidence.of(EvidenceKind.COUNTRY, code, BundleIndex.sourceOf(location)));
    }
}
