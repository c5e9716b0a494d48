package kahu.detect.ioc;

import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorFeedsTest {
    private static final Path MSTIC = SharedData.root().resolve("exchange/MSTICIoCs-ExchangeServerVulnerabilitiesDisclosedMarch2021.csv");
    private static final Path DESCRIBE_TYPES = SharedData.root().resolve("misp-events/schema/describeTypes.json");

    @Test
    void loadsTheMsticExchangeFeed() {
        Feed feed = IndicatorFeeds.fromCsv(MSTIC);
        assertThat(feed.problems()).isEmpty();
        assertThat(feed.indicators()).hasSize(152);
        assertThat(feed.indicators()).extracting(Indicator::type).containsOnly(IndicatorType.SHA256, IndicatorType.FILE_PATH, IndicatorType.DOMAIN);
        IndicatorSet set = IndicatorSet.of(feed.indicators());
        assertThat(set.match(IndicatorType.SHA256, "8E90ED33C7EE82C0B64078EA36EC95F7420BA435C693B3B3DD728B494ABF7DFC"))
                .extracting(Indicator::source).containsExactly(MSTIC.getFileName().toString());
        assertThat(set.scanAll("TargetFilename: C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\OutlookZH.aspx"))
                .hasSize(1);
    }

    @Test
    void reportsBadCsvRowsWithLineAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("feed.csv");
        Files.writeString(csv, """
                DateAdded,FirstSeen,Indicator,IndicatorType,TLP
                2021-03-10,,198.51.100.7,ip,White
                2021-03-10,,not-a-hash,sha256,White
                2021-03-10,,evil.example.com,domainname
                2021-03-10,,"x,y",carrier-pigeon,White
                2021-03-10,,"2001:db8::1",IP,White
                """);
        Feed feed = IndicatorFeeds.fromCsv(csv);
        assertThat(feed.indicators()).extracting(Indicator::value).containsExactly("198.51.100.7", "2001:db8::1");
        assertThat(feed.problems()).extracting(FeedProblem::toString).containsExactly(
                "feed.csv:3: SHA256 must have 64 hex digits, not 10: not-a-hash",
                "feed.csv:4: expected 5 columns, found 4",
                "feed.csv:5: unknown indicator type 'carrier-pigeon'");
    }

    @Test
    void loadsStixExampleBundles() throws Exception {
        List<Feed> feeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedData.root().resolve("stix2.1-examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) feeds.add(IndicatorFeeds.fromStixBundle(f));
        }
        Feed all = Feed.merge(feeds);
        assertThat(all.problems()).isEmpty();
        assertThat(all.indicators()).extracting(Indicator::type).contains(IndicatorType.IPV4, IndicatorType.DOMAIN, IndicatorType.MD5, IndicatorType.FILE_NAME);
        // AND of certificate fields, MATCHES on e-mail, and a domain value with a space stay full patterns
        assertThat(all.patterns()).extracting(PatternIndicator::patternText)
                .anyMatch(p -> p.contains("x509-certificate:issuer"))
                .anyMatch(p -> p.contains("MATCHES"))
                .anyMatch(p -> p.contains("domain autuo.xicp.net"));
        IndicatorSet set = IndicatorSet.of(all.indicators());
        assertThat(set.match(IndicatorType.IPV4, "223.167.1.1")).isNotEmpty(); // inside 223.166.0.0/15
        assertThat(set.match(IndicatorType.DOMAIN, "a.hugesoft.org")).isNotEmpty();
    }

    @Test
    void attributesStixIndicatorsToTheIntrusionSetTheyIndicate(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("b.json");
        Files.writeString(bundle, """
                {"type":"bundle","id":"bundle--1","objects":[
                 {"type":"intrusion-set","id":"intrusion-set--1","name":"APT40"},
                 {"type":"indicator","id":"indicator--1","pattern":"[ipv4-addr:value = '198.51.100.7']","pattern_type":"stix",
                  "valid_from":"2026-01-01T00:00:00Z","valid_until":"2026-06-01T00:00:00Z"},
                 {"type":"relationship","id":"relationship--1","relationship_type":"indicates","source_ref":"indicator--1","target_ref":"intrusion-set--1"},
                 {"type":"indicator","id":"indicator--2","pattern":"[ipv4-addr:value = '1.2.3.4' AND","pattern_type":"stix"},
                 {"type":"indicator","id":"indicator--3","pattern":"[file:name = 'a.exe'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.4']","pattern_type":"stix"},
                 {"type":"indicator","id":"indicator--4","pattern":"title: sigma","pattern_type":"sigma"}
                ]}""");
        Feed feed = IndicatorFeeds.fromStixBundle(bundle);
        assertThat(feed.indicators()).singleElement().satisfies(i -> {
            assertThat(i.actorKey()).isEqualTo("APT40");
            assertThat(i.source()).isEqualTo("stix:b.json:indicator--1");
            assertThat(i.validAt(java.time.Instant.parse("2026-07-01T00:00:00Z"))).isFalse();
        });
        assertThat(feed.patterns()).extracting(PatternIndicator::id).containsExactly("indicator--3");
        assertThat(feed.problems()).extracting(FeedProblem::toString)
                .containsExactly("b.json:4: indicator--2: pattern column 33: expected an object path such as file:name (object type, ':', property), '(' or EXISTS but found end of pattern");
    }

    @Test
    void loadsMispEventsAndTheirAttributesMarkedForDetection() throws Exception {
        List<Feed> feeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedData.root().resolve("misp-events/tests"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                feeds.add(IndicatorFeeds.fromMispEvent(f, DESCRIBE_TYPES));
            }
        }
        Feed all = Feed.merge(feeds);
        assertThat(all.indicators()).hasSizeGreaterThan(500);
        assertThat(all.indicators()).extracting(Indicator::type).contains(IndicatorType.IPV4, IndicatorType.DOMAIN, IndicatorType.URL,
                IndicatorType.MD5, IndicatorType.SHA1, IndicatorType.SHA256, IndicatorType.FILE_NAME);
        assertThat(all.indicators()).allSatisfy(i -> assertThat(i.source()).startsWith("misp:"));
        assertThat(IndicatorSet.of(all.indicators()).size()).isEqualTo(all.indicators().size());
    }

    @Test
    void reportsBadMispAttributesByIndex(@TempDir Path dir) throws Exception {
        Path event = dir.resolve("e.json");
        Files.writeString(event, """
                {"Event":{"uuid":"5f0c","info":"test",
                 "Galaxy":[{"type":"threat-actor","GalaxyCluster":[{"value":"APT29"}]}],
                 "Attribute":[{"type":"ip-dst","value":"198.51.100.7","to_ids":true},
                              {"type":"ip-dst","value":"999.1.1.1","to_ids":true},
                              {"type":"made-up","value":"x"},
                              {"type":"domain|ip","value":"evil.example.com|198.51.100.8","to_ids":true},
                              {"type":"md5","value":"0123456789abcdef0123456789abcdef","to_ids":false}],
                 "Object":[{"Attribute":[{"type":"filename|sha256","to_ids":true,
                   "value":"a.exe|8e90ed33c7ee82c0b64078ea36ec95f7420ba435c693b3b3dd728b494abf7dfc"}]}]}}""");
        Feed feed = IndicatorFeeds.fromMispEvent(event, DESCRIBE_TYPES);
        assertThat(feed.indicators()).extracting(Indicator::value)
                .containsExactly("198.51.100.7", "evil.example.com", "198.51.100.8", "a.exe",
                        "8e90ed33c7ee82c0b64078ea36ec95f7420ba435c693b3b3dd728b494abf7dfc");
        assertThat(feed.indicators()).allSatisfy(i -> {
            assertThat(i.actorKey()).isEqualTo("APT29");
            assertThat(i.source()).isEqualTo("misp:5f0c");
        });
        assertThat(feed.problems()).extracting(FeedProblem::toString).containsExactly(
                "e.json:2: attribute ? (ip-dst): not an IPv4 address or range: 999.1.1.1",
                "e.json:3: attribute ?: unknown MISP type 'made-up'");
        Feed builtIn = IndicatorFeeds.fromMispEvent(event);
        assertThat(builtIn.indicators()).isEqualTo(feed.indicators());
        assertThat(builtIn.problems()).extracting(FeedProblem::record).containsExactly(2L);
    }

    @Test
    void attributesKnowledgeBaseInfrastructureToItsActor() {
        KnowledgeBase kb = KnowledgeLoader.builtIn();
        Feed feed = IndicatorFeeds.fromKnowledgeBase(kb);
        assertThat(feed.problems()).isEmpty();
        assertThat(feed.indicators()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.actorKey()).isNotNull();
            assertThat(i.source()).startsWith("kb:" + i.actorKey());
        });
        Indicator first = feed.indicators().getFirst();
        IndicatorSet set = IndicatorSet.of(feed.indicators());
        assertThat(set.match(first.type(), first.value().contains("/") ? first.value().substring(0, first.value().indexOf('/')) : first.value()))
                .extracting(Indicator::actorKey).contains(first.actorKey());
    }
}
