package kahu.correlate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static kahu.correlate.Findings.FARM;
import static kahu.correlate.Findings.HEALTH;
import static kahu.correlate.Findings.at;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentGrouperTest {
    private final IncidentGrouper grouper = new IncidentGrouper(Duration.ofHours(24));

    @Test
    void detectionsAtOneHostCloseInTimeAreOneIncidentAndAQuietDayStartsANewOne() {
        List<Finding> f = List.of(
                at(HEALTH, "2021-03-03T02:00:00Z", "203.0.113.5", "T1190"),
                at(HEALTH, "2021-03-03T02:05:00Z", "203.0.113.5", "T1505.003"),
                at(HEALTH, "2021-03-03T03:00:00Z", null, "T1003.001"),
                at(HEALTH, "2021-03-10T09:00:00Z", "198.51.100.9", "T1190"),
                at(FARM, "2021-03-03T02:01:00Z", "203.0.113.5", "T1190"));
        List<Incident> incidents = grouper.group(f, Findings.register(HEALTH, FARM));
        assertThat(incidents).hasSize(3);
        Incident first = incidents.stream().filter(i -> i.findings().size() == 3).findFirst().orElseThrow();
        assertThat(first.organisation()).isEqualTo(HEALTH);
        assertThat(first.stage()).isEqualTo(Stage.IMPACT);
        assertThat(first.category().category()).as("credential theft at a health provider").isEqualTo(3);
        assertThat(first.category().serious()).isTrue();
        assertThat(first.techniques()).containsExactly("T1003.001", "T1190", "T1505.003");
        Incident farm = incidents.stream().filter(i -> i.organisation() == FARM).findFirst().orElseThrow();
        assertThat(farm.stage()).isEqualTo(Stage.ATTEMPT);
        assertThat(farm.compromised()).isFalse();
        assertThat(farm.category().category()).as("an attempt at a small organisation is localised").isEqualTo(6);
    }

    @Test
    void incidentIdsDependOnContentNotOnOrder() {
        List<Finding> f = List.of(at(HEALTH, "2021-03-03T02:00:00Z", "203.0.113.5", "T1190"),
                at(HEALTH, "2021-03-03T02:05:00Z", "203.0.113.5", "T1505.003"));
        var a = grouper.group(f, Findings.register(HEALTH));
        var b = grouper.group(f.reversed(), Findings.register(HEALTH));
        assertThat(a.getFirst().id()).isEqualTo(b.getFirst().id());
        assertThat(a.getFirst().findings()).isEqualTo(b.getFirst().findings());
    }

    @Test
    void aDetectionNoRegisteredOrganisationClaimsIsKeptUnderUnknown() {
        OrganisationRegister register = Findings.register(HEALTH);
        Organisation o = register.resolve("elsewhere.example.com", "/data/other/u_ex210303.log:4");
        assertThat(o.isUnknown()).isTrue();
        assertThat(register.resolve(null, "/data/logs/org-h/EXCH01.health.example.nz/iis/u_ex.log:3")).isEqualTo(HEALTH);
        assertThat(register.resolve("exch01", null)).as("short host name").isEqualTo(HEALTH);
        assertThat(register.hostOf(null, "/x/EXCH01.health.example.nz/inetpub/a.aspx")).isEqualTo("EXCH01.health.example.nz");
    }

    @Test
    void categoriesFollowTheNationalSchemeByStageAndVictim() {
        Organisation gov = Findings.org("g", "government", "medium", "h");
        Organisation small = Findings.org("s", "retail", "small", "h");
        Organisation large = Findings.org("l", "retail", "large", "h");
        assertThat(IncidentCategory.of(gov, Stage.IMPACT, true).category()).isEqualTo(2);
        assertThat(IncidentCategory.of(gov, Stage.COMPROMISE, false).category()).isEqualTo(3);
        assertThat(IncidentCategory.of(large, Stage.IMPACT, false).category()).isEqualTo(3);
        assertThat(IncidentCategory.of(large, Stage.COMPROMISE, false).category()).isEqualTo(4);
        assertThat(IncidentCategory.of(small, Stage.IMPACT, false).category()).isEqualTo(5);
        assertThat(IncidentCategory.of(small, Stage.ATTEMPT, false).category()).isEqualTo(6);
        assertThat(IncidentCategory.of(gov, Stage.ATTEMPT, false).category()).isEqualTo(5);
        assertThat(IncidentCategory.of(gov, Stage.IMPACT, true).reason()).contains("destructive").contains("government");
    }

    @Test
    void aCommandWhileTwoIntrudersHaveShellsOnTheHostIsUnsureAndLinksNothing() {
        Organisation o = Findings.HEALTH;
        java.util.Map<String, java.util.List<String>> hash = java.util.Map.of("file:sha256", java.util.List.of("cd".repeat(32)));
        List<Finding> f = List.of(
                Findings.with(o, "2021-03-11T04:00:00Z", "webshell", java.util.Map.of("file:path", java.util.List.of("C:/inetpub/wwwroot/aspnet_client/a.aspx")), "T1505.003"),
                Findings.with(o, "2021-03-11T04:01:00Z", "sigma", java.util.Map.of("ipv4-addr", java.util.List.of("203.0.113.5"),
                        "url-path", java.util.List.of("/aspnet_client/a.aspx")), "T1505.003"),
                Findings.with(o, "2021-03-11T05:00:00Z", "sigma", java.util.Map.of("ipv4-addr", java.util.List.of("198.51.100.7"),
                        "url-path", java.util.List.of("/aspnet_client/b.aspx")), "T1505.003"),
                Findings.with(o, "2021-03-11T05:01:00Z", "webshell", java.util.Map.of("file:path", java.util.List.of("C:/inetpub/wwwroot/aspnet_client/b.aspx")), "T1505.003"),
                // A process with a known hash and no address, both intruders' shells in place: whose it is is a guess.
                Findings.with(o, "2021-03-11T05:30:00Z", "indicator", hash, "T1486"));
        List<Incident> incidents = new IncidentGrouper(Duration.ofHours(24)).group(f, Findings.register(o));
        Incident holder = incidents.stream().filter(i -> i.findings().contains(f.get(4))).findFirst().orElseThrow();
        assertThat(holder.unsure()).containsExactly(f.get(4).id());
        assertThat(holder.sure(f.get(4))).isFalse();
        assertThat(LinkValues.of(holder)).doesNotContainKey("file-sha256");
        // Alone on the host, the same process is sure.
        List<Incident> alone = new IncidentGrouper(Duration.ofHours(24)).group(List.of(f.get(0), f.get(1), f.get(4)), Findings.register(o));
        assertThat(alone).hasSize(1);
        assertThat(alone.getFirst().unsure()).isEmpty();
        assertThat(LinkValues.of(alone.getFirst())).containsKey("file-sha256");
    }
}
