package kahu.simulate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A simulation scenario as read from its data file ({@link ScenarioLoader}): the constituency to
 * build, what benign use and scanning look like, and which actors' campaigns run when. Proportions
 * live in the file, not in code.
 */
public record Scenario(
        String name,
        String description,
        LocalDate start,
        LocalDate end,
        LocalDate disclosure,
        String country,
        int servers,
        int organisations,
        String domainSuffix,
        List<Size> sizes,
        List<Sector> sectors,
        List<String> places,
        List<String> qualifiers,
        List<ExchangeVersion> versions,
        List<PatchWave> patching,
        Benign benign,
        Map<String, ActorSetup> actors,
        List<Campaign> campaigns) {

    public Scenario {
        sizes = List.copyOf(sizes);
        sectors = List.copyOf(sectors);
        places = List.copyOf(places);
        qualifiers = List.copyOf(qualifiers);
        versions = List.copyOf(versions);
        patching = List.copyOf(patching);
        actors = Map.copyOf(actors);
        campaigns = List.copyOf(campaigns);
    }

    public record Size(String size, double weight, int minServers, int maxServers, int minUsers, int maxUsers) {}

    /** @param kbSectors the knowledge base's sector names this sector counts as when actors pick targets */
    public record Sector(String sector, double weight, List<String> kbSectors, List<String> nameTemplates) {}

    public record ExchangeVersion(String version, String build, String patchedBuild, double weight) {}

    /** @param days days after disclosure, [low, high], or null: not patched within the period */
    public record PatchWave(double fraction, int[] days) {}

    /**
     * @param localOffsetMinutes the constituency's UTC offset (users' working hours)
     * @param routinePerDay      chance per server and day that the sample holds each routine record: the OAB generator's
     *                           nightly run, an Exchange service's Application-log entry, a network logon
     */
    public record Benign(double requestsPerServerPerDay, double adminCommandsPerServerPerWeek,
                         double scannerProbesPerServerPerWeek, int localOffsetMinutes, double[] routinePerDay,
                         List<AddressPool> carriers, List<AddressPool> scanners) {}

    /** A named set of prefixes (an actor's infrastructure, a carrier, a scanner). kind: banner | vulnerability-check. */
    public record AddressPool(String name, String kind, Integer asn, List<String> prefixes) {}

    /**
     * How one actor operates in this scenario, beyond what the knowledge base says.
     *
     * @param utcOffsetMinutes working-hours offset when the knowledge base has no time zone for the actor; null = around the clock
     * @param exploits         exploitation variant → weight ({@code proxylogon-27065}, {@code proxylogon-26858})
     * @param impact           {@code ransomware}, {@code miner} or null
     */
    public record ActorSetup(String key, Integer utcOffsetMinutes, int fromHour, int toHour, boolean weekdays,
                             Map<String, Double> exploits, List<String> webshells, List<String> webshellDirs,
                             List<String> webshellNames, List<String> userAgents, boolean knownIndicators,
                             List<AddressPool> infrastructure, int minPostExploitation, int maxPostExploitation, String impact) {}

    /**
     * One wave of one actor.
     *
     * @param share     chance that an eligible organisation is hit
     * @param anySector true: every organisation is eligible; false: only those in the actor's sectors
     * @param allHosts  true: every server of a hit organisation; false: one of them
     */
    public record Campaign(String id, String actor, LocalDate from, LocalDate to, double share, boolean anySector, boolean allHosts) {}
}
