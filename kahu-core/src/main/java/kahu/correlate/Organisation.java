package kahu.correlate;

import java.util.List;

/**
 * One organisation of the constituency register: who it is (name, kept confidential), the pseudonym
 * used everywhere else, its sector and size (which set an incident's category) and its hosts.
 *
 * @param sector a sector from the knowledge base's list (government, healthcare, energy, …)
 * @param size   small, medium or large
 */
public record Organisation(String id, String name, String pseudonym, String sector, String size, String country,
                           List<String> domains, List<Host> hosts) {
    /** Where detections go whose host and path match no organisation: kept, never dropped. */
    public static final Organisation UNKNOWN = new Organisation("unknown", "unknown organisation", "Unknown organisation",
            null, "medium", null, List.of(), List.of());

    public record Host(String name, String ip, String role) {}

    public Organisation {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("an organisation needs an id");
        domains = List.copyOf(domains);
        hosts = List.copyOf(hosts);
    }

    /** The registered servers' own addresses: never the attacker's. */
    public java.util.Set<String> addresses() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Host h : hosts) if (h.ip() != null) out.add(h.ip());
        return out;
    }

    public boolean isUnknown() {
        return UNKNOWN.id.equals(id);
    }

    /** Government and essential services (energy, health, telecommunications, finance, transport, water). */
    public boolean essential() {
        return sector != null && switch (sector) {
            case "government", "defence", "energy", "healthcare", "telecommunications", "financial", "transport",
                 "critical-infrastructure" -> true;
            default -> false;
        };
    }
}
