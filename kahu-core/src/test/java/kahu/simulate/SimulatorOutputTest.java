package kahu.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The output contract: the register, the ground truth and how they point into the logs. */
class SimulatorOutputTest {
    final SimulatedRun run = SimulatedRun.get();

    @Test
    void theRunHasCompromisedAndUntouchedOrganisationsAndExactlyTheServersAsked() {
        assertThat(run.summary.servers()).isEqualTo(SimulatedRun.SERVERS);
        assertThat(run.summary.organisations()).isEqualTo(24); // 60 per 100 servers
        assertThat(run.summary.compromisedOrganisations()).isPositive().isLessThan(run.summary.organisations());
        int hosts = 0;
        for (JsonNode o : run.register.get("organisations")) hosts += o.get("hosts").size();
        assertThat(hosts).isEqualTo(SimulatedRun.SERVERS);
    }

    @Test
    void theRegisterHoldsNoGroundTruth() throws IOException {
        Set<String> orgKeys = Set.of("id", "name", "pseudonym", "sector", "size", "country", "domains", "hosts");
        Set<String> hostKeys = Set.of("name", "ip", "role", "exchange_version", "exchange_build");
        for (JsonNode o : run.register.get("organisations")) {
            assertThat(fieldNames(o)).isSubsetOf(orgKeys);
            assertThat(o.get("pseudonym").asText()).matches("Organisation [A-Z]+\\d\\d");
            assertThat(o.get("country").asText()).isEqualTo("NZ");
            for (JsonNode h : o.get("hosts")) assertThat(fieldNames(h)).isSubsetOf(hostKeys);
        }
        String text = Files.readString(run.dir.resolve("organisations.json")).toLowerCase(java.util.Locale.ROOT);
        for (JsonNode c : run.truth.get("campaigns")) {
            assertThat(text).doesNotContain(c.get("actor").asText()).doesNotContain(c.get("actor_name").asText().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(text).doesNotContain("compromised").doesNotContain("op-0").doesNotContain("campaign");
        for (JsonNode op : run.truth.get("operations")) for (JsonNode ip : op.get("infrastructure")) assertThat(text).doesNotContain(ip.asText());
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> s = new HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void groundTruthIsConsistent() {
        JsonNode t = run.truth;
        assertThat(t.get("scenario").asText()).isEqualTo("exchange-2021");
        assertThat(t.get("seed").asLong()).isEqualTo(1);
        Map<String, String> opCampaign = new HashMap<>();
        for (JsonNode op : t.get("operations")) opCampaign.put(op.get("id").asText(), op.get("campaign").asText());
        int listed = 0;
        for (JsonNode c : t.get("campaigns")) {
            assertThat(c.get("id").asText()).startsWith("campaign-" + c.get("actor").asText() + "-");
            for (JsonNode id : c.get("operations")) {
                assertThat(opCampaign.get(id.asText())).isEqualTo(c.get("id").asText());
                listed++;
            }
        }
        assertThat(listed).isEqualTo(opCampaign.size());
        assertThat(t.at("/campaigns/0/actor_name").asText()).isEqualTo("HAFNIUM");
        assertThat(t.at("/campaigns/0/state_sponsored").asBoolean()).isTrue();
        for (JsonNode op : t.get("operations")) {
            boolean compromised = op.get("outcome").asText().equals("compromised");
            assertThat(op.get("techniques").toString()).contains("T1190");
            assertThat(op.get("webshells").isEmpty()).isEqualTo(!compromised);
            assertThat(op.get("first").asText().compareTo(op.get("last").asText())).isLessThanOrEqualTo(0);
            assertThat(op.get("events")).isNotEmpty();
        }
        for (JsonNode o : t.get("organisations")) assertThat(o.get("compromised").asBoolean()).isEqualTo(!o.get("actors").isEmpty());
        assertThat(t.at("/benign/scanner_ips")).isNotEmpty();
    }

    @Test
    void everyEventTheGroundTruthNamesIsTheAdversarysAndNoneIsLeftOut() throws IOException {
        Set<String> named = new HashSet<>();
        Set<String> adversaryIps = new HashSet<>();
        for (JsonNode op : run.truth.get("operations")) {
            List<String> ips = new java.util.ArrayList<>();
            op.get("infrastructure").forEach(ip -> ips.add(ip.asText()));
            adversaryIps.addAll(ips);
            for (JsonNode e : op.get("events")) {
                String loc = e.asText();
                named.add(loc);
                int colon = loc.lastIndexOf(':');
                Path file = run.dir.resolve(loc.substring(0, colon));
                int line = Integer.parseInt(loc.substring(colon + 1));
                assertThat(file).exists();
                String text = Files.readAllLines(file).get(line - 1);
                assertThat(text).as(loc).satisfiesAnyOf(
                        s -> assertThat(ips).anyMatch(s::contains),                            // requests from the actor's addresses
                        s -> assertThat(s).contains("$ 10.").contains("SetObject"),            // the back end's proxied reset
                        s -> assertThat(s).contains("NT AUTHORITY\\\\SYSTEM"),                 // processes under the web shell
                        s -> assertThat(s).contains("\"event_id\":11"),                       // files written (benign activity writes none)
                        s -> assertThat(s).contains("\"event_id\":22"),
                        s -> assertThat(s).contains("\"event_id\":4720"),
                        s -> assertThat(s).contains("Download failed and temporary file"));
            }
        }
        // Completeness: every log line with an adversary address is named by the ground truth.
        try (Stream<Path> files = Files.walk(run.dir.resolve("logs"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".aspx")).toList()) {
                List<String> lines = Files.readAllLines(f);
                String rel = run.dir.relativize(f).toString().replace('\\', '/');
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    if (l.startsWith("#")) continue;
                    for (String ip : adversaryIps) {
                        if (containsAddress(l, ip)) assertThat(named).as("unnamed adversary line %s:%d %s", rel, i + 1, l).contains(rel + ":" + (i + 1));
                    }
                }
            }
        }
    }

    private static boolean containsAddress(String line, String ip) {
        for (int i = line.indexOf(ip); i >= 0; i = line.indexOf(ip, i + 1)) {
            int end = i + ip.length();
            boolean before = i == 0 || !Character.isDigit(line.charAt(i - 1)) && line.charAt(i - 1) != '.';
            boolean after = end == line.length() || !Character.isDigit(line.charAt(end)) && line.charAt(end) != '.';
            if (before && after) return true;
        }
        return false;
    }

    @Test
    void webShellsAreOnDiskWithTheirHashAndTheOperationsTime() throws IOException {
        int shells = 0;
        for (JsonNode op : run.truth.get("operations")) {
            for (JsonNode w : op.get("webshells")) {
                Path f = run.dir.resolve(w.get("path").asText());
                assertThat(f).exists();
                assertThat(OperationActivity.sha256(Files.readAllBytes(f))).isEqualTo(w.get("sha256").asText());
                long mtime = Files.getLastModifiedTime(f).toMillis();
                assertThat(mtime).isBetween(java.time.Instant.parse(op.get("first").asText()).toEpochMilli(),
                        java.time.Instant.parse(op.get("last").asText()).toEpochMilli());
                assertThat(w.get("windows_path").asText()).endsWith(f.getFileName().toString());
                shells++;
            }
        }
        assertThat(shells).isPositive();
    }
}
