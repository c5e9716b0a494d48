package kahu.detect.ioc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.ingest.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PatternEvaluatorTest {

    /**
     * Three observations, 2.1 style (object_refs into the bundle) for the first two and 2.0 style
     * (embedded objects) for the third: a connection at 10:00:00, a file at 10:00:30, a second
     * connection at 10:05:00.
     */
    private static final String BUNDLE = """
            {"type":"bundle","id":"bundle--1","objects":[
             {"type":"ipv4-addr","id":"ipv4-addr--a","value":"198.51.100.7"},
             {"type":"ipv4-addr","id":"ipv4-addr--b","value":"10.0.0.5"},
             {"type":"domain-name","id":"domain-name--c","value":"evil.example.com","resolves_to_refs":["ipv4-addr--a"]},
             {"type":"network-traffic","id":"network-traffic--d","src_ref":"ipv4-addr--b","dst_ref":"ipv4-addr--a",
              "dst_port":443,"protocols":["ipv4","tcp"],"is_active":false,"start":"2026-01-01T10:00:00Z"},
             {"type":"file","id":"file--e","name":"Invoice.exe","size":73216,
              "hashes":{"SHA-256":"AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899","MD5":"0123456789abcdef0123456789abcdef"},
              "payload_bin":"TVqQ","extensions":{"windows-pebinary-ext":{"sections":[{"name":".text","entropy":7.9},{"name":".rsrc","entropy":2.1}]}}},
             {"type":"observed-data","id":"observed-data--1","first_observed":"2026-01-01T10:00:00Z","last_observed":"2026-01-01T10:00:00Z",
              "number_observed":1,"object_refs":["network-traffic--d","domain-name--c"]},
             {"type":"observed-data","id":"observed-data--2","first_observed":"2026-01-01T10:00:30Z","last_observed":"2026-01-01T10:00:30Z",
              "number_observed":1,"object_refs":["file--e"]},
             {"type":"observed-data","id":"observed-data--3","first_observed":"2026-01-01T10:05:00Z","last_observed":"2026-01-01T10:05:00Z",
              "number_observed":1,"objects":{"0":{"type":"ipv4-addr","value":"198.51.100.7"},"1":{"type":"ipv4-addr","value":"10.0.0.9"},
              "2":{"type":"network-traffic","src_ref":"1","dst_ref":"0","dst_port":8080,"protocols":["ipv4","tcp"]},
              "3":{"type":"email-message","subject":"[IMPORTANT] Please Review Before","to_refs":["4"]},
              "4":{"type":"email-addr","value":"victim@example.org"}}}
            ]}""";

    private static final List<Observation> OBSERVATIONS = observations();

    private static List<Observation> observations() {
        try {
            JsonNode bundle = new ObjectMapper().readTree(BUNDLE);
            return ObservedData.fromBundle(bundle);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // = and !=
                Arguments.of("[ipv4-addr:value = '198.51.100.7']", true),
                Arguments.of("[ipv4-addr:value = '198.51.100.8']", false),
                Arguments.of("[ipv4-addr:value != '198.51.100.7']", true), // 10.0.0.5 is another ipv4-addr
                Arguments.of("[domain-name:value != 'evil.example.com']", false),
                Arguments.of("[domain-name:value NOT = 'evil.example.com']", false),
                Arguments.of("[file:hashes.'SHA-256' = 'aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899']", true),
                Arguments.of("[file:hashes.MD5 = '0123456789ABCDEF0123456789ABCDEF']", true),
                Arguments.of("[file:name = 'invoice.exe']", false), // strings are case-sensitive
                // ordering
                Arguments.of("[file:size > 70000]", true),
                Arguments.of("[file:size < 70000]", false),
                Arguments.of("[file:size >= 73216 AND file:size <= 73216]", true),
                Arguments.of("[network-traffic:dst_port >= 8080]", true),
                Arguments.of("[network-traffic:start < t'2026-01-01T10:00:01Z']", true),
                Arguments.of("[network-traffic:start > t'2026-01-01T10:00:01Z']", false),
                Arguments.of("[file:payload_bin = b'TVqQ']", true),
                Arguments.of("[file:payload_bin = h'4d5a90']", true),
                Arguments.of("[file:name > 'A']", true),
                Arguments.of("[network-traffic:is_active = false]", true),
                Arguments.of("[network-traffic:is_active = true]", false),
                // IN
                Arguments.of("[network-traffic:dst_port IN (22, 443)]", true),
                Arguments.of("[network-traffic:dst_port NOT IN (443, 8080)]", false),
                // LIKE and MATCHES
                Arguments.of("[domain-name:value LIKE '%.example.com']", true),
                Arguments.of("[domain-name:value LIKE 'evil.example.co_']", true),
                Arguments.of("[domain-name:value LIKE 'evil.%.org']", false),
                Arguments.of("[file:name MATCHES '^Inv.*\\\\.exe$']", true),
                Arguments.of("[file:name NOT MATCHES '\\\\.exe$']", false),
                Arguments.of("[email-message:subject MATCHES '^\\\\[IMPORTANT\\\\]']", true),
                // ISSUBSET / ISSUPERSET
                Arguments.of("[ipv4-addr:value ISSUBSET '198.51.100.0/24']", true),
                Arguments.of("[ipv4-addr:value ISSUBSET '203.0.113.0/24']", false),
                Arguments.of("[ipv4-addr:value ISSUPERSET '198.51.100.7']", true),
                // lists, references, EXISTS
                Arguments.of("[network-traffic:protocols[*] = 'tcp']", true),
                Arguments.of("[network-traffic:protocols[0] = 'tcp']", false),
                Arguments.of("[network-traffic:dst_ref.value = '198.51.100.7' AND network-traffic:dst_port = 443]", true),
                Arguments.of("[network-traffic:src_ref.value = '10.0.0.9']", true), // 2.0 embedded reference
                Arguments.of("[domain-name:resolves_to_refs[*].value = '198.51.100.7']", true),
                Arguments.of("[email-message:to_refs[*].value = 'victim@example.org']", true),
                Arguments.of("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.5]", true),
                Arguments.of("[file:extensions.'windows-pebinary-ext'.sections[1].name = '.text']", false),
                Arguments.of("[EXISTS file:hashes.MD5]", true),
                Arguments.of("[EXISTS file:hashes.'SHA-1']", false),
                Arguments.of("[NOT EXISTS file:hashes.'SHA-1']", true),
                // AND/OR inside one observation: same type binds to the same object
                Arguments.of("[ipv4-addr:value = '198.51.100.7' AND ipv4-addr:value = '10.0.0.5']", false),
                Arguments.of("[ipv4-addr:value = '198.51.100.7' AND domain-name:value = 'evil.example.com']", true),
                Arguments.of("[ipv4-addr:value = '1.1.1.1' OR domain-name:value = 'evil.example.com']", true),
                Arguments.of("[file:name = 'Invoice.exe' AND ipv4-addr:value = '198.51.100.7']", false), // different observations
                // observation operators
                Arguments.of("[file:name = 'Invoice.exe'] AND [ipv4-addr:value = '10.0.0.9']", true),
                Arguments.of("[file:name = 'Invoice.exe'] AND [ipv4-addr:value = '1.1.1.1']", false),
                Arguments.of("[file:name = 'nothing'] OR [ipv4-addr:value = '10.0.0.9']", true),
                Arguments.of("[domain-name:value = 'evil.example.com'] FOLLOWEDBY [file:name = 'Invoice.exe']", true),
                Arguments.of("[file:name = 'Invoice.exe'] FOLLOWEDBY [domain-name:value = 'evil.example.com']", false),
                Arguments.of("[file:name = 'Invoice.exe'] FOLLOWEDBY [network-traffic:dst_port = 8080]", true),
                // qualifiers
                Arguments.of("([domain-name:value = 'evil.example.com'] FOLLOWEDBY [file:name = 'Invoice.exe']) WITHIN 60 SECONDS", true),
                Arguments.of("([domain-name:value = 'evil.example.com'] FOLLOWEDBY [file:name = 'Invoice.exe']) WITHIN 10 SECONDS", false),
                Arguments.of("([domain-name:value = 'evil.example.com'] AND [network-traffic:dst_port = 8080]) WITHIN 300 SECONDS", true),
                Arguments.of("([domain-name:value = 'evil.example.com'] AND [network-traffic:dst_port = 8080]) WITHIN 299.5 SECONDS", false),
                Arguments.of("[ipv4-addr:value = '198.51.100.7'] REPEATS 2 TIMES", true),
                Arguments.of("[ipv4-addr:value = '198.51.100.7'] REPEATS 3 TIMES", false),
                Arguments.of("[ipv4-addr:value = '198.51.100.7'] REPEATS 2 TIMES WITHIN 200 SECONDS", false),
                Arguments.of("[file:name = 'Invoice.exe'] START t'2026-01-01T10:00:00Z' STOP t'2026-01-01T10:01:00Z'", true),
                Arguments.of("[file:name = 'Invoice.exe'] START t'2026-01-01T10:01:00Z' STOP t'2026-01-01T11:00:00Z'", false),
                Arguments.of("[file:name = 'Invoice.exe'] START t'2026-01-01T09:00:00Z' STOP t'2026-01-01T10:00:30Z'", false) // STOP is exclusive
        );
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluatesOverObservedData(String pattern, boolean expected) {
        assertThat(PatternEvaluator.matches(StixPattern.parse(pattern), OBSERVATIONS)).isEqualTo(expected);
    }

    @Test
    void reportsWhichObservationsMatched() {
        Pattern p = StixPattern.parse("[domain-name:value = 'evil.example.com'] FOLLOWEDBY [network-traffic:dst_port = 8080]");
        assertThat(PatternEvaluator.firstMatch(p, OBSERVATIONS)).contains(List.of(0, 2));
    }

    @Test
    void evaluatesOverLogEventsThroughTheFieldMapping() {
        Instant t0 = Instant.parse("2026-03-03T04:05:06Z");
        Event web = new Event("u_ex260303.log", 7, "iis", t0,
                Map.of("c-ip", "203.0.113.9", "cs-uri-stem", "/owa/auth/x.aspx", "s-port", "443"),
                Map.of("source.ip", "203.0.113.9", "destination.port", 443L, "url.original", "https://mail.example.org/owa/auth/x.aspx",
                        "url.domain", "mail.example.org", "user.name", "EXAMPLE\\jdoe"));
        Event proc = new Event("sysmon.evtx", 12, "evtx", t0.plusSeconds(40),
                Map.of("CommandLine", "cmd.exe /c whoami", "Hashes", "MD5=0123456789ABCDEF0123456789ABCDEF,SHA256=AA", "TargetFilename", "C:\\inetpub\\wwwroot\\x.aspx"),
                Map.of());
        List<Event> events = List.of(web, proc);
        assertThat(match("[ipv4-addr:value = '203.0.113.9' AND network-traffic:dst_port = 443]", events)).isTrue();
        assertThat(match("[url:value LIKE '%/owa/auth/%.aspx']", events)).isTrue();
        assertThat(match("[domain-name:value = 'mail.example.org']", events)).isTrue();
        assertThat(match("[user-account:user_id = 'EXAMPLE\\\\jdoe']", events)).isTrue();
        assertThat(match("[process:command_line MATCHES 'whoami']", events)).isTrue();
        assertThat(match("[file:hashes.MD5 = '0123456789abcdef0123456789abcdef']", events)).isTrue();
        assertThat(match("[file:name = 'x.aspx']", events)).isTrue();
        assertThat(match("([ipv4-addr:value = '203.0.113.9'] FOLLOWEDBY [process:command_line MATCHES 'whoami']) WITHIN 60 SECONDS", events)).isTrue();
        assertThat(match("([ipv4-addr:value = '203.0.113.9'] FOLLOWEDBY [process:command_line MATCHES 'whoami']) WITHIN 30 SECONDS", events)).isFalse();
        assertThat(match("[process:command_line MATCHES 'whoami'] FOLLOWEDBY [ipv4-addr:value = '203.0.113.9']", events)).isFalse();
    }

    private static boolean match(String pattern, List<Event> events) {
        return PatternEvaluator.matchesEvents(StixPattern.parse(pattern), events);
    }
}
