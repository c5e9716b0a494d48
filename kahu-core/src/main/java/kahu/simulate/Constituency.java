package kahu.simulate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds organisation {@code i} of the constituency from the seed alone, so that organisations can
 * be generated one at a time: names are unique by construction (the place list, then qualifiers,
 * then a number), and server counts are drawn so that they add up to exactly the requested total.
 */
final class Constituency {
    private final Scenario s;
    private final long seed;
    private final int organisations;
    private final int servers;
    private final double[] sizeWeights, sectorWeights, versionWeights, patchWeights;

    Constituency(Scenario scenario, long seed, int servers) {
        this.s = scenario;
        this.seed = seed;
        this.servers = servers;
        this.organisations = Math.max(1, Math.min(servers, (int) Math.round((double) servers * scenario.organisations() / scenario.servers())));
        sizeWeights = scenario.sizes().stream().mapToDouble(Scenario.Size::weight).toArray();
        sectorWeights = scenario.sectors().stream().mapToDouble(Scenario.Sector::weight).toArray();
        versionWeights = scenario.versions().stream().mapToDouble(Scenario.ExchangeVersion::weight).toArray();
        patchWeights = scenario.patching().stream().mapToDouble(Scenario.PatchWave::fraction).toArray();
    }

    int organisations() {
        return organisations;
    }

    /**
     * Organisation {@code i}, given how many servers the ones before it took (so the last ones
     * take what is left: every organisation 1 to 4 servers, the total exactly {@code servers}).
     */
    Organisation organisation(int i, int serversBefore) {
        Rng r = Rng.of(seed, Rng.CONSTITUENCY, i);
        Scenario.Size size = s.sizes().get(r.weighted(sizeWeights));
        Scenario.Sector sector = s.sectors().get(r.weighted(sectorWeights));
        int left = servers - serversBefore, orgsLeft = organisations - i;
        int n = r.between(size.minServers(), size.maxServers());
        n = Math.max(n, left - 4 * (orgsLeft - 1));
        n = Math.min(n, left - (orgsLeft - 1));
        n = Math.max(1, Math.min(4, n));
        String name = name(i, sector, r);
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String domain = slug + "." + s.domainSuffix();
        String netbios = slug.replace("-", "").toUpperCase(Locale.ROOT);
        if (netbios.length() > 15) netbios = netbios.substring(0, 15);
        int users = r.between(size.minUsers(), size.maxUsers());
        int internal = (10 << 24) | ((i / 250 % 250 + 1) << 16) | ((i % 250 + 1) << 8);
        Instant patched = patchTime(r);
        Scenario.ExchangeVersion v = s.versions().get(r.weighted(versionWeights));
        // Public addresses: one /24 per organisation out of a block the scenario reserves for the country.
        int publicBase = (Addresses.parse("202.36.0.0") + (i << 8));
        List<Organisation.Host> hosts = new ArrayList<>(n);
        for (int h = 0; h < n; h++) {
            String shortName = (n > 1 && h == 0 && r.chance(0.3) ? "MAIL" : "EXCH") + (h < 9 ? "0" : "") + (h + 1);
            Instant hostPatched = patched == null ? null : patched.plusSeconds(r.nextInt(8 * 3600));
            boolean inPeriod = hostPatched != null && hostPatched.isBefore(s.end().atStartOfDay(ZoneOffset.UTC).toInstant());
            hosts.add(new Organisation.Host(h, shortName + "." + domain, shortName, publicBase + 10 + h, internal + 10 + h, v.version(),
                    v.build(), inPeriod ? v.patchedBuild() : v.build(), inPeriod ? hostPatched : null));
        }
        String id = "org-" + pad(i + 1);
        return new Organisation(i, id, name, "Organisation " + pseudonym(i), sector.sector(), sector.kbSectors(), size.size(),
                s.country(), domain, netbios, users, internal, patched, hosts);
    }

    private Instant patchTime(Rng r) {
        if (patchWeights.length == 0) return null;
        Scenario.PatchWave w = s.patching().get(r.weighted(patchWeights));
        if (w.days() == null) return null;
        Instant disclosure = s.disclosure().atStartOfDay(ZoneOffset.UTC).toInstant();
        return disclosure.plusSeconds(r.between(w.days()[0], w.days()[1]) * 86400L + r.nextInt(86400));
    }

    private String name(int i, Scenario.Sector sector, Rng r) {
        int places = s.places().size();
        String place = s.places().get(i % places);
        int cycle = i / places;
        if (cycle > 0 && !s.qualifiers().isEmpty()) {
            int q = (cycle - 1) % s.qualifiers().size();
            place = s.qualifiers().get(q) + " " + place;
            int round = (cycle - 1) / s.qualifiers().size();
            if (round > 0) place = place + " " + (round + 1);
        }
        return r.pick(sector.nameTemplates()).replace("{place}", place);
    }

    static String pad(int n) {
        return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
    }

    /** A01 … A99, B01 … Z99, then AA01 …: short and unique. */
    static String pseudonym(int i) {
        int letters = i / 99, number = i % 99 + 1;
        StringBuilder p = new StringBuilder();
        int l = letters;
        do {
            p.insert(0, (char) ('A' + l % 26));
            l = l / 26 - 1;
        } while (l >= 0);
        return p + (number < 10 ? "0" : "") + number;
    }
}
