package kahu.correlate;

import kahu.detect.Detection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A detection's id names the record, not the folder it was read from. */
class FindingIdTest {
    private static final String HOST = "EXCH01.health.example.nz";

    private static String id(String location) {
        return id("org-h", HOST, location);
    }

    private static String id(String org, String host, String location) {
        Detection d = new Detection("sigma", "rule-1", "rule", "high", Instant.parse("2021-03-03T01:02:03Z"), List.of("T1190"),
                Map.of("ipv4-addr", List.of("203.0.113.9")), host, location, null);
        return Finding.idOf(org, host, d);
    }

    @Test
    void theSameLogsReadFromAnotherFolderGiveTheSameIds() {
        String place = "/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log:120";
        assertThat(id("/cases/a/logs/org-h/" + HOST + place)).isEqualTo(id("/tmp/copy/org-h/" + HOST + place))
                .as("a triage zip named after the host").isEqualTo(id("/x/" + HOST + ".zip!" + place))
                .as("the host's short name, Windows separators").isEqualTo(id("D:\\triage\\EXCH01" + place.replace('/', '\\')));
        assertThat(id("/cases/a/logs/org-h/files" + place)).as("under the organisation's folder")
                .isEqualTo(id("/elsewhere/org-h/files" + place));
    }

    @Test
    void differentPlacesOnOneServerStayApart() {
        String root = "/cases/a/" + HOST;
        assertThat(id(root + "/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log:120"))
                .isNotEqualTo(id(root + "/inetpub/logs/LogFiles/W3SVC2/u_ex210303.log:120"))
                .isNotEqualTo(id(root + "/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log:121"));
        assertThat(id(root + "/inetpub/wwwroot/aspnet_client/shell.aspx")).isNotEqualTo(id(root + "/owa/auth/shell.aspx"));
        assertThat(id(root + "/a/exch01/x.log:1")).as("a folder of the server's own named like it").isNotEqualTo(id(root + "/b/exch01/x.log:1"));
        assertThat(id("org-h", "MAIL2.health.example.nz", root + "/x.log:1")).as("another host").isNotEqualTo(id(root + "/x.log:1"));
        assertThat(id("org-f", HOST, root + "/x.log:1")).as("another organisation").isNotEqualTo(id(root + "/x.log:1"));
    }

    @Test
    void aLocationUnderNeitherHostNorOrganisationIsKeptWhole() {
        assertThat(SourcePlace.of("/cases/a/u_ex210303.log:5", "org-h", HOST)).isEqualTo("/cases/a/u_ex210303.log:5");
        assertThat(id("/cases/a/u_ex210303.log:5")).isNotEqualTo(id("/cases/b/u_ex210303.log:5"));
        assertThat(SourcePlace.of("/cases/" + HOST + ".log", "org-h", HOST)).as("a file named after the host is not a folder")
                .isEqualTo("/cases/" + HOST + ".log");
        assertThat(SourcePlace.of("/c/org-h/EXCH01/iis/u.log:9", "org-h", HOST)).isEqualTo("/iis/u.log:9");
        assertThat(SourcePlace.of("/c/org-h/other/u.log:9", "org-h", null)).isEqualTo("/other/u.log:9");
    }
}
