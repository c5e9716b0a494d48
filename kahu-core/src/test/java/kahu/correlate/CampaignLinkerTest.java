package kahu.correlate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static kahu.correlate.Findings.at;
import static kahu.correlate.Findings.org;
import static kahu.correlate.Findings.with;
import static org.assertj.core.api.Assertions.assertThat;

class CampaignLinkerTest {
    private static final String SCANNER = "192.0.2.200";

    /** n organisations; the first `hit` compromised from `ip`; every one probed by the scanner. */
    private static List<Incident> scenario(int n, int hitByA, int hitByB) {
        List<Organisation> orgs = new ArrayList<>();
        List<Finding> f = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Organisation o = org("org-" + i, "education", "medium", "mail" + i + ".example.nz");
            orgs.add(o);
            f.add(at(o, "2021-02-01T00:00:00Z", SCANNER, "T1190"));
            if (i < hitByA) {
                f.add(at(o, "2021-03-03T02:00:00Z", "203.0.113.5", "T1190"));
                f.add(at(o, "2021-03-03T02:10:00Z", "203.0.113.5", "T1505.003"));
            } else if (i < hitByA + hitByB) {
                f.add(with(o, "2021-03-12T02:00:00Z", "webshell", Map.of("file:sha256", List.of("ab".repeat(32)),
                        "file:path", List.of("C:/inetpub/wwwroot/aspnet_client/shell.aspx")), "T1505.003"));
                f.add(at(o, "2021-03-12T02:20:00Z", "198.51.100." + i, "T1486"));
            }
        }
        return new IncidentGrouper(Duration.ofHours(24)).group(f, new OrganisationRegister(orgs));
    }

    @Test
    void incidentsSharingAttackerInfrastructureOrAShellHashFormCampaignsAndAScannerSeenEverywhereLinksNothing() {
        List<Incident> incidents = scenario(30, 5, 4);
        CampaignLinker.Result r = new CampaignLinker().link(incidents);
        assertThat(r.campaigns()).hasSize(2);
        Campaign a = r.campaigns().getFirst();
        assertThat(a.incidents()).hasSize(5);
        assertThat(a.links()).anySatisfy(l -> assertThat(l.value()).isEqualTo("203.0.113.5"));
        assertThat(a.incidents()).allSatisfy(i -> assertThat(i.compromised()).isTrue());
        Campaign b = r.campaigns().get(1);
        assertThat(b.incidents()).hasSize(4);
        assertThat(b.links().getFirst().kind()).isEqualTo("file-sha256");
        assertThat(r.tooCommon()).containsEntry("ipv4-addr " + SCANNER, 30);
    }

    @Test
    void aValueSharedByTensOfThousandsOfIncidentsIsJoinedInOnePassNotPairByPair() {
        // 40,000 organisations, 4,000 hit from one address: pairwise linking would need 8 million pairs.
        List<Incident> incidents = scenario(40_000, 4_000, 0);
        CampaignLinker.Result r = new CampaignLinker().link(incidents);
        assertThat(r.campaigns()).hasSize(1);
        assertThat(r.campaigns().getFirst().incidents()).hasSize(4_000);
        assertThat(r.campaigns().getFirst().organisations()).isEqualTo(4_000);
    }

    @Test
    void privateAddressesAndWeakValuesAloneDoNotLink() {
        Organisation x = org("x", "legal", "large", "a.example"), y = org("y", "legal", "large", "b.example");
        List<Finding> f = List.of(at(x, "2021-03-03T02:00:00Z", "10.0.0.5", "T1505.003"), at(y, "2021-03-03T02:00:00Z", "10.0.0.5", "T1505.003"),
                at(x, "2021-03-03T02:01:00Z", "203.0.113.7", "T1059.003"), at(y, "2021-03-03T02:01:00Z", "203.0.113.9", "T1059.003"));
        List<Incident> incidents = new IncidentGrouper(Duration.ofHours(24)).group(f, new OrganisationRegister(List.of(x, y)));
        // Only a /24 network (weight 0.5) is shared, below the threshold.
        assertThat(new CampaignLinker().link(incidents).campaigns()).isEmpty();
        assertThat(PublicAddress.isPublic("10.0.0.5")).isFalse();
        assertThat(PublicAddress.isPublic("100.64.1.1")).isFalse();
        assertThat(PublicAddress.isPublic("203.0.113.7")).isTrue();
    }

    @Test
    void campaignIdsAreStable() {
        var a = new CampaignLinker().link(scenario(12, 3, 0)).campaigns();
        var b = new CampaignLinker().link(scenario(12, 3, 0)).campaigns();
        assertThat(a.getFirst().id()).isEqualTo(b.getFirst().id()).startsWith("campaign-");
        assertThat(a.getFirst().first()).isEqualTo(Instant.parse("2021-03-03T02:00:00Z"));
    }

    /** 30 organisations hit from A's address, 30 from B's; {@code bridged} of A's incidents also show B's address. */
    private static List<Incident> twoGroups(int bridged) {
        List<Organisation> orgs = new ArrayList<>();
        List<Finding> f = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Organisation o = org("org-" + i, "health", "medium", "mail" + i + ".example.nz");
            orgs.add(o);
            String ip = i < 30 ? "203.0.113.5" : "198.51.100.7";
            f.add(at(o, "2021-03-03T02:00:00Z", ip, "T1190"));
            f.add(at(o, "2021-03-03T02:10:00Z", ip, "T1505.003"));
            if (i < bridged) {
                // One request that shows both addresses puts B's address into A's incident.
                f.add(with(o, "2021-03-03T02:20:00Z", "sigma", Map.of("ipv4-addr", List.of("203.0.113.5", "198.51.100.7")), "T1059.003"));
            }
        }
        return new IncidentGrouper(Duration.ofHours(24)).group(f, new OrganisationRegister(orgs));
    }

    @Test
    void oneIncidentHoldingTwoGroupsAddressesDoesNotJoinTheirCampaigns() {
        List<Incident> incidents = twoGroups(1);
        assertThat(incidents).hasSize(60);
        // A constituency of 1,000 organisations: each address is seen at 3 % of it, rare enough to link alone.
        List<Campaign> campaigns = new CampaignLinker().link(incidents, 1_000).campaigns();
        assertThat(campaigns).hasSize(2);
        assertThat(campaigns.stream().mapToInt(c -> c.incidents().size()).sum()).isEqualTo(60);
        // Each campaign is one group's, but for the bridging incident, which goes to one of them.
        for (Campaign c : campaigns) {
            long a = c.incidents().stream().filter(i -> Integer.parseInt(i.organisation().id().substring(4)) < 30).count();
            assertThat(Math.min(a, c.incidents().size() - a)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void addressesSeenTogetherInSeveralIncidentsAreOneAttackersAndJoin() {
        List<Campaign> campaigns = new CampaignLinker().link(twoGroups(3), 1_000).campaigns();
        assertThat(campaigns).hasSize(1);
        assertThat(campaigns.getFirst().incidents()).hasSize(60);
    }

    @Test
    void theSupportNeededGrowsWithHowWidelyTheRarerValueIsSeen() {
        assertThat(InfrastructureClusters.support(2)).isEqualTo(1);
        assertThat(InfrastructureClusters.support(CampaignLinker.FEW - 1)).isEqualTo(1);
        assertThat(InfrastructureClusters.support(CampaignLinker.FEW)).isEqualTo(2);
        assertThat(InfrastructureClusters.support(1_000)).isEqualTo(20);
    }
}
