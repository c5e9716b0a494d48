package kahu.correlate;

import kahu.detect.Detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the findings an investigation holds for grouping, linking, attribution and reports small: a
 * finding read back from the store is a fresh copy of every string (its rule's title and id, its
 * techniques, its organisation and host, the attacker's address and user agent), about 3 KB each, and
 * 250,000 servers give millions of findings. Here repeated values are shared through one table per
 * run, and only the observables something downstream reads are kept ({@link #KEPT}: the attacker's
 * address, user agent, URL path, and web-shell path, hash and size, used by {@link IncidentGrouper},
 * {@link LinkValues} and {@link IncidentEvidence}); command lines, accounts and mailboxes stay in the
 * store's copy. Not thread-safe: one per run.
 */
public final class FindingCompactor {
    static final Set<String> KEPT = Set.of("ipv4-addr", "user-agent", "url-path", "file:path", "file:sha256", "file:size");

    private final Map<Object, Object> shared = new HashMap<>();

    public Finding compact(Finding f) {
        Detection d = f.detection();
        Map<String, List<String>> obs = new LinkedHashMap<>();
        d.observables().forEach((k, v) -> {
            if (KEPT.contains(k)) obs.put(share(k), strings(v));
        });
        Detection slim = new Detection(share(d.engine()), share(d.ruleId()), share(d.title()), share(d.level()), d.timestamp(),
                strings(d.techniques()), obs, share(d.host()), d.location(), share(d.actor()));
        return new Finding(f.id(), share(f.organisation()), share(f.host()), slim, strings(f.software()), strings(f.cves()), f.stage());
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        if (value == null) return null;
        Object known = shared.putIfAbsent(value, value);
        return known == null ? value : (T) known;
    }

    /** An immutable list of shared strings, itself shared (rules' technique lists repeat across findings). */
    private List<String> strings(List<String> values) {
        if (values.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) out.add(share(v));
        return share(List.copyOf(out));
    }
}
