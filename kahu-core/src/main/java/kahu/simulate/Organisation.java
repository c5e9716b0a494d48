package kahu.simulate;

import java.time.Instant;
import java.util.List;

/**
 * One organisation of the constituency with its Exchange servers. The register
 * ({@code organisations.json}) shows what an NCSC would hold; {@code patchedAt}, the user count and
 * the internal network are the simulation's own and never written there.
 *
 * @param index     0-based position in the constituency (the random streams' coordinate)
 * @param netbios   the Windows domain's NetBIOS name
 * @param internal  the organisation's internal /24 (first address)
 * @param patchedAt when the March 2021 security update was installed, or null: not in the period
 */
public record Organisation(int index, String id, String name, String pseudonym, String sector, List<String> kbSectors, String size,
                           String country, String domain, String netbios, int users, int internal, Instant patchedAt, List<Host> hosts) {
    public Organisation {
        kbSectors = List.copyOf(kbSectors);
        hosts = List.copyOf(hosts);
    }

    /**
     * @param name   fully qualified, e.g. {@code EXCH01.kestrel-health.example}
     * @param build  the build the server ran at the start of the period
     * @param registeredBuild the build the register holds (patched build when patched in the period)
     */
    public record Host(int index, String name, String shortName, int ip, int internalIp, String version, String build,
                       String registeredBuild, Instant patchedAt) {
        public String ipText() {
            return Addresses.text(ip);
        }

        /** Whether an exploit at this time fails because the update is installed. */
        public boolean patchedBy(Instant t) {
            return patchedAt != null && !t.isBefore(patchedAt);
        }
    }
}
