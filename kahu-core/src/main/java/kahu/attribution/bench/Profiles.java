package kahu.attribution.bench;

import kahu.knowledge.Actor;
import kahu.knowledge.Names;
import kahu.knowledge.SoftwareUse;
import kahu.knowledge.TechniqueUse;

import java.util.LinkedHashSet;
import java.util.Set;

/** An actor's profile as sets of technique IDs and software keys, keyed the way the model keys them. */
final class Profiles {
    private Profiles() {}

    /** ATT&CK S-ID when there is one, else "name:" + normalised name (the model's software key). */
    static String softwareKey(SoftwareUse s) {
        return s.attackId() != null ? s.attackId() : "name:" + Names.key(s.name());
    }

    static Set<String> terms(Actor a) {
        Set<String> s = new LinkedHashSet<>();
        for (TechniqueUse t : a.techniques()) s.add(t.id());
        for (SoftwareUse u : a.software()) s.add(softwareKey(u));
        return s;
    }

    static int distinctTechniques(Actor a) {
        Set<String> s = new java.util.HashSet<>();
        for (TechniqueUse t : a.techniques()) s.add(t.id());
        return s.size();
    }
}
