package kahu.detect.ioc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatternParseTest {

    @Test
    void everyPatternInTheStixExamplesParses() throws Exception {
        List<String> patterns = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedData.root().resolve("stix2.1-examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                for (JsonNode o : new ObjectMapper().readTree(f.toFile()).path("objects")) {
                    if (o.has("pattern")) patterns.add(o.get("pattern").asText());
                }
            }
        }
        assertThat(patterns).hasSizeGreaterThan(40);
        for (String p : patterns) assertThat(StixPattern.parse(p)).as(p).isNotNull();
    }

    @Test
    void buildsTheTreeWithPrecedence() {
        Pattern p = StixPattern.parse("[a:x = 1] AND [b:y = 2] OR [c:z = 3] FOLLOWEDBY [d:w = 4] WITHIN 5 SECONDS");
        assertThat(p).isInstanceOf(Pattern.FollowedBy.class);
        Pattern.FollowedBy fb = (Pattern.FollowedBy) p;
        assertThat(fb.left()).isInstanceOf(Pattern.Or.class);
        assertThat(((Pattern.Or) fb.left()).left()).isInstanceOf(Pattern.And.class);
        assertThat(fb.right()).isEqualTo(new Pattern.Within(new Pattern.Observation(new Comparison.Test(
                new ObjectPath("d", List.of(new ObjectPath.Property("w"))), Comparison.Operator.EQ, false, new Constant.Int(4))), 5));
    }

    @Test
    void comparisonAndBindsTighterThanOr() {
        Pattern.Observation o = (Pattern.Observation) StixPattern.parse("[a:x = 1 OR a:y = 2 AND a:z = 3]");
        assertThat(o.comparison()).isInstanceOf(Comparison.Or.class);
        assertThat(((Comparison.Or) o.comparison()).right()).isInstanceOf(Comparison.And.class);
    }

    @Test
    void readsPathsAndConstants() {
        Comparison.Test t = test("[file:extensions.'windows-pebinary-ext'.sections[*].name[2] = 'a\\'b\\\\c']");
        assertThat(t.path().toString()).isEqualTo("file:extensions.windows-pebinary-ext.sections[*].name[2]");
        assertThat(t.constant()).isEqualTo(new Constant.Str("a'b\\c"));
        assertThat(test("[x:y = -12]").constant()).isEqualTo(new Constant.Int(-12));
        assertThat(test("[x:y > 1.5]").constant()).isEqualTo(new Constant.Real(1.5));
        assertThat(test("[x:y = true]").constant()).isEqualTo(new Constant.Bool(true));
        assertThat(test("[x:y = h'0aFF']").constant()).isEqualTo(new Constant.Bytes(new byte[] {10, -1}));
        assertThat(test("[x:y = b'AQI=']").constant()).isEqualTo(new Constant.Bytes(new byte[] {1, 2}));
        assertThat(test("[x:y < t'2020-01-01T00:00:00Z']").constant())
                .isEqualTo(new Constant.Timestamp(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(test("[x:y NOT IN ('a', 2)]").negated()).isTrue();
        assertThat(StixPattern.parse("[NOT EXISTS x:y]")).isEqualTo(new Pattern.Observation(
                new Comparison.Exists(new ObjectPath("x", List.of(new ObjectPath.Property("y"))), true)));
        assertThat(StixPattern.parse("[x:y = 1] START t'2020-01-01T00:00:00Z' STOP t'2020-01-02T00:00:00Z' REPEATS 2 TIMES"))
                .isInstanceOf(Pattern.Repeats.class);
    }

    private static Comparison.Test test(String p) {
        return (Comparison.Test) ((Pattern.Observation) StixPattern.parse(p)).comparison();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("[ipv4-addr:value = '1.2.3.4'", 29, "']' closing the observation expression"),
                Arguments.of("ipv4-addr:value = '1.2.3.4'", 1, "'[' starting an observation expression"),
                Arguments.of("[ipv4-addr value = '1.2.3.4']", 12, "':' after the object type"),
                Arguments.of("[ipv4-addr:value == '1.2.3.4']", 19, "a constant"),
                Arguments.of("[ipv4-addr:value LIKES 'x']", 18, "a comparison operator"),
                Arguments.of("[ipv4-addr:value = '1.2.3.4] AND [x:y = 1]", 20, "a closing quote"),
                Arguments.of("[file:name = 'a\\nb']", 16, "\\' or \\\\"),
                Arguments.of("[x:y = 1] WITHIN -5 SECONDS", 18, "a positive number of seconds"),
                Arguments.of("[x:y = 1] REPEATS 2", 20, "TIMES"),
                Arguments.of("[x:y = 1] START t'2020-01-02T00:00:00Z' STOP t'2020-01-01T00:00:00Z'", 46, "a STOP timestamp later"),
                Arguments.of("[x:y = t'yesterday']", 8, "an RFC 3339 timestamp"),
                Arguments.of("[x:y IN 'a']", 9, "'(' starting the set"),
                Arguments.of("[x:y MATCHES 'a(']", 14, "a valid regular expression"),
                Arguments.of("[x:y = h'abc']", 8, "an even number of hex digits"),
                Arguments.of("[x:y = 1] [x:z = 2]", 11, "end of pattern"),
                Arguments.of("[x:y = 1] AND", 14, "'[' starting an observation expression"),
                Arguments.of("[x:y = 1 AND ]", 14, "an object path"),
                Arguments.of("[x:y[a] = 1]", 6, "a list index"),
                Arguments.of("[x:y > true]", 8, "an orderable constant"),
                Arguments.of("[x:y = 1] # comment", 11, "a keyword, object path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedPatternsSayWhereAndWhat(String pattern, int column, String expected) {
        assertThatThrownBy(() -> StixPattern.parse(pattern.strip()))
                .isInstanceOfSatisfying(StixPatternException.class, e -> {
                    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
                    assertThat(e.getMessage()).contains("expected " + expected.strip());
                });
    }

    @Test
    void nestingIsLimitedSoThatAHostilePatternIsAnErrorNotAStackOverflow() {
        String inner = "[ipv4-addr:value = '198.51.100.1']";
        int max = StixPattern.MAX_NESTING;
        assertThat(StixPattern.parse("(".repeat(max - 1) + inner + ")".repeat(max - 1))).isNotNull();
        assertThatThrownBy(() -> StixPattern.parse("(".repeat(max) + inner + ")".repeat(max)))
                .isInstanceOfSatisfying(StixPatternException.class, e -> assertThat(e.column()).isEqualTo(max + 1));
        assertThatThrownBy(() -> StixPattern.parse("[" + "(".repeat(20_000) + "a:b = 1" + ")".repeat(20_000) + "]"))
                .isInstanceOfSatisfying(StixPatternException.class, e -> assertThat(e.getMessage()).contains("nested"));
    }

    @Test
    void integersOutOfRangeAreParseErrorsAtTheirColumn() {
        assertThatThrownBy(() -> StixPattern.parse("[a:b = 1] REPEATS 333333333333333333333333333333335 TIMES"))
                .isInstanceOfSatisfying(StixPatternException.class, e -> assertThat(e.column()).isEqualTo(19));
        assertThatThrownBy(() -> StixPattern.parse("[a:b = 1] REPEATS 2147483648 TIMES"))
                .isInstanceOfSatisfying(StixPatternException.class, e -> assertThat(e.expected()).contains("REPEATS"));
        assertThatThrownBy(() -> StixPattern.parse("[a:list[99999999999999999999].name = 'x']"))
                .isInstanceOfSatisfying(StixPatternException.class, e -> assertThat(e.expected()).contains("list index"));
        assertThat(StixPattern.parse("[a:b = 1] REPEATS 2147483647 TIMES")).isNotNull();
    }
}
