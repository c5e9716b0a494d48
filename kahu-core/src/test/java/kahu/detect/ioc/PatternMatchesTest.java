package kahu.detect.ioc;

import kahu.ingest.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PatternMatchesTest {

    @Test
    void fullPatternsFromABundleMatchLogEventsWithTheirActor(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("b.json");
        Files.writeString(bundle, """
                {"type":"bundle","id":"bundle--1","objects":[
                 {"type":"intrusion-set","id":"intrusion-set--1","name":"HAFNIUM"},
                 {"type":"indicator","id":"indicator--1","name":"webshell then whoami","pattern_type":"stix","valid_from":"2021-01-01T00:00:00Z",
                  "pattern":"([url:value LIKE '%/aspnet_client/%.aspx'] FOLLOWEDBY [process:command_line MATCHES '(?i)whoami']) WITHIN 300 SECONDS"},
                 {"type":"relationship","id":"relationship--1","relationship_type":"indicates","source_ref":"indicator--1","target_ref":"intrusion-set--1"},
                 {"type":"indicator","id":"indicator--2","pattern_type":"stix","valid_from":"2021-01-01T00:00:00Z",
                  "pattern":"[network-traffic:dst_port = 4444 AND ipv4-addr:value ISSUBSET '198.51.100.0/24']"}
                ]}""");
        Feed feed = IndicatorFeeds.fromStixBundle(bundle);
        assertThat(feed.patterns()).hasSize(2);
        Instant t = Instant.parse("2021-03-03T04:05:06Z");
        Event web = new Event("u_ex.log", 3, "iis", t, Map.of(), Map.of("url.original", "https://mail.example.org/aspnet_client/system_web/x.aspx"));
        Event other = new Event("u_ex.log", 4, "iis", t.plusSeconds(5), Map.of(), Map.of("url.original", "https://mail.example.org/owa/"));
        Event cmd = new Event("sysmon.evtx", 9, "evtx", t.plusSeconds(60), Map.of("CommandLine", "cmd /c WHOAMI /all"), Map.of());
        List<PatternMatches.PatternMatch> found = PatternMatches.over(feed.patterns(), List.of(web, other, cmd));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.indicator().actorKey()).isEqualTo("HAFNIUM");
            assertThat(m.indicator().source()).isEqualTo("stix:b.json:indicator--1");
            assertThat(m.events()).extracting(Event::location).containsExactly("u_ex.log:3", "sysmon.evtx#9");
        });
    }
}
