package kahu.correlate;

import kahu.detect.Detection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings built by hand for the correlation tests: a rule, a time, a host, an address. */
final class Findings {
    static final Organisation HEALTH = org("org-h", "healthcare", "large", "EXCH01.health.example.nz");
    static final Organisation FARM = org("org-f", "agriculture", "small", "MAIL.farm.example.nz");

    private Findings() {}

    static Organisation org(String id, String sector, String size, String host) {
        return new Organisation(id, "Real name of " + id, "Pseudonym " + id, sector, size, "NZ", List.of(),
                List.of(new Organisation.Host(host, null, "exchange")));
    }

    static Finding at(Organisation org, String time, String ip, String... techniques) {
        return with(org, time, "sigma", Map.of("ipv4-addr", ip == null ? List.of() : List.of(ip)), techniques);
    }

    static Finding with(Organisation org, String time, String engine, Map<String, List<String>> observables, String... techniques) {
        String host = org.hosts().getFirst().name();
        Map<String, List<String>> obs = new LinkedHashMap<>(observables);
        obs.values().removeIf(List::isEmpty);
        Detection d = new Detection(engine, "rule-" + String.join("-", techniques), "rule " + String.join(",", techniques), "high",
                Instant.parse(time), List.of(techniques), obs, host, "logs/" + org.id() + "/" + host + "/x.log:" + time.hashCode(), null);
        return Finding.of(org, host, d, List.of(), List.of());
    }

    static OrganisationRegister register(Organisation... orgs) {
        return new OrganisationRegister(List.of(orgs));
    }
}
