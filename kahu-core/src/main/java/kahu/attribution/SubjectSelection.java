package kahu.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import kahu.stix.ReadObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which objects are the evidence about a subject (a grouping, incident or report named by id).
 * <p>
 * The rule, deliberately shallow so that an analyst can predict it:
 * <ol>
 *   <li>the subject itself and every object in its {@code object_refs};</li>
 *   <li>the observables an observed-data of that set contains ({@code object_refs});</li>
 *   <li>every relationship whose source or target is in that set, with its other end, and every
 *       sighting that refers to it ({@code sighting_of_ref}, {@code observed_data_refs}), with its
 *       references: one hop only, so a technique's links to other actors never drag in the bundle;</li>
 *   <li>{@code located-at} relationships of identities selected so far, with their locations, because
 *       the victim's country is part of the victimology.</li>
 * </ol>
 * Without a subject id every object of the input is evidence.
 */
final class SubjectSelection {
    static final Set<String> SUBJECT_TYPES = Set.of("grouping", "incident", "report");

    private SubjectSelection() {}

    /** The selected objects in input order, or null (with a warning) when the subject cannot be used. */
    static List<ReadObject> select(BundleIndex index, String subjectId, EvidenceCollector out) {
        if (subjectId == null) return index.all();
        ReadObject subject = index.get(subjectId);
        if (subject == null) {
            out.warn("subject " + subjectId + " is not in the evidence; nothing used");
            return null;
        }
        if (!SUBJECT_TYPES.contains(subject.type())) {
            out.warn("subject " + subjectId + " is a " + subject.type() + ", not a grouping, incident or report; nothing used");
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        ids.add(subjectId);
        for (String ref : BundleIndex.texts(subject.json(), "object_refs")) {
            if (index.get(ref) == null) out.warn(BundleIndex.sourceOf(subject) + ": object_refs names " + ref + ", which is not in the evidence");
            else ids.add(ref);
        }
        for (String id : List.copyOf(ids)) {
            ReadObject o = index.get(id);
            if (o.type().equals("observed-data")) ids.addAll(present(index, BundleIndex.texts(o.json(), "object_refs")));
        }

        Set<String> core = Set.copyOf(ids);
        for (ReadObject o : index.all()) {
            JsonNode j = o.json();
            if (o.type().equals("relationship")) {
                String src = BundleIndex.text(j, "source_ref"), dst = BundleIndex.text(j, "target_ref");
                if (core.contains(src) || core.contains(dst)) {
                    ids.add(o.id());
                    ids.addAll(present(index, List.of(src, dst)));
                }
            } else if (o.type().equals("sighting")) {
                List<String> refs = new ArrayList<>(BundleIndex.texts(j, "observed_data_refs"));
                String of = BundleIndex.text(j, "sighting_of_ref");
                if (of != null) refs.add(of);
                if (refs.stream().anyMatch(core::contains)) {
                    ids.add(o.id());
                    ids.addAll(present(index, refs));
                    ids.addAll(present(index, BundleIndex.texts(j, "where_sighted_refs")));
                }
            }
        }
        for (ReadObject o : index.ofType("relationship")) {
            JsonNode j = o.json();
            String src = BundleIndex.text(j, "source_ref"), dst = BundleIndex.text(j, "target_ref");
            if ("located-at".equals(BundleIndex.text(j, "relationship_type")) && ids.contains(src)
                    && src.startsWith("identity--") && index.get(dst) != null) {
                ids.add(o.id());
                ids.add(dst);
            }
        }
        List<ReadObject> selected = new ArrayList<>();
        for (ReadObject o : index.all()) if (ids.contains(o.id())) selected.add(o);
        return selected;
    }

    private static List<String> present(BundleIndex index, List<String> refs) {
        List<String> out = new ArrayList<>();
        for (String r : refs) if (r != null && index.get(r) != null) out.add(r);
        return out;
    }
}
