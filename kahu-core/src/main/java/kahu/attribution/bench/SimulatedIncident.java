package kahu.attribution.bench;

import kahu.attribution.Evidence;
import kahu.attribution.EvidenceKind;
import kahu.attribution.EvidenceSet;
import kahu.knowledge.AttackEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One simulated incident: the ATT&CK technique IDs observed and the software keys (ATT&CK S-ID, else
 * "name:" + normalised name), as the model's evidence extraction would give them.
 *
 * @param actorKey  the actor that "did it" (the key of the true hypothesis)
 * @param k         how many techniques were drawn from its profile (before noise)
 */
public record SimulatedIncident(String actorKey, int k, List<String> techniques, List<String> software) {
    public SimulatedIncident {
        techniques = List.copyOf(techniques);
        software = List.copyOf(software);
    }

    /** Evidence items as the model takes them; software implies the techniques ATT&CK lists for it. */
    public EvidenceSet toEvidence(Map<String, AttackEntry> attackEntries) {
        List<Evidence> items = new ArrayList<>(techniques.size() + software.size());
        for (String t : techniques) items.add(Evidence.of(EvidenceKind.TECHNIQUE, t, "simulated"));
        for (String s : software) {
            AttackEntry entry = attackEntries.get(s);
            List<String> implies = entry == null ? List.of() : entry.techniques();
            EvidenceKind kind = EvidenceKind.SOFTWARE;
            items.add(new Evidence(kind, s, "simulated", kind.defaultReliability(), kind.defaultFakeability(), null, implies));
        }
        return new EvidenceSet("simulated incident of " + actorKey, items, List.of());
    }

    /** Techniques and software together: what the baselines compare with a profile. */
    public List<String> terms() {
        List<String> all = new ArrayList<>(techniques);
        all.addAll(software);
        return all;
    }
}
