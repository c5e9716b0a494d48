package kahu.detect.sigma;

import org.junit.jupiter.api.Test;

import static kahu.detect.sigma.SigmaTestRules.matches;
import static kahu.detect.sigma.SigmaTestRules.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing and evaluating conditions. */
class SigmaConditionTest {
    static final String SEARCHES = """
            sel_a:
                A: 'a'
            sel_b:
                B: 'b'
            filter_c:
                C: 'c'
            _hidden:
                D: 'd'
            """;

    static boolean eval(String condition, Object... fields) {
        return matches(SEARCHES + "condition: " + condition, fields);
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        assertThat(ConditionParser.parse("a or b and not c")).isEqualTo(
                new Condition.Or(new Condition.Ref("a"), new Condition.And(new Condition.Ref("b"), new Condition.Not(new Condition.Ref("c")))));
        assertThat(ConditionParser.parse("(a or b) and c")).isEqualTo(
                new Condition.And(new Condition.Or(new Condition.Ref("a"), new Condition.Ref("b")), new Condition.Ref("c")));
        assertThat(ConditionParser.parse("not not a")).isEqualTo(new Condition.Not(new Condition.Not(new Condition.Ref("a"))));
        assertThat(ConditionParser.parse("1 of sel_* and not all of them")).isEqualTo(new Condition.And(
                new Condition.Of(Condition.Quantity.ONE, "sel_*"), new Condition.Not(new Condition.Of(Condition.Quantity.ALL, null))));
    }

    @Test
    void evaluation() {
        assertThat(eval("sel_a and not filter_c", "A", "a")).isTrue();
        assertThat(eval("sel_a and not filter_c", "A", "a", "C", "c")).isFalse();
        assertThat(eval("sel_a or sel_b and filter_c", "A", "a")).isTrue();
        assertThat(eval("(sel_a or sel_b) and filter_c", "A", "a")).isFalse();
        assertThat(eval("1 of sel_*", "B", "b")).isTrue();
        assertThat(eval("all of sel_*", "B", "b")).isFalse();
        assertThat(eval("all of sel_*", "A", "a", "B", "b")).isTrue();
        assertThat(eval("1 of sel*", "A", "a")).isTrue();
    }

    @Test
    void themLeavesOutUnderscoreSearches() {
        assertThat(eval("all of them", "A", "a", "B", "b", "C", "c")).as("_hidden is not part of them").isTrue();
        assertThat(eval("1 of them", "D", "d")).isFalse();
        assertThat(eval("_hidden", "D", "d")).isTrue();
    }

    @Test
    void conditionListIsAnyOfItsConditions() {
        assertThat(matches(SEARCHES + "condition:\n    - sel_a\n    - sel_b", "B", "b")).isTrue();
    }

    @Test
    void badConditionsAreRejectedWithTheReason() {
        assertThat(rejection(SEARCHES + "condition: sel_a | count() > 5")).contains("aggregation");
        assertThat(rejection(SEARCHES + "condition: sel_a and (sel_b")).contains("missing ')'");
        assertThat(rejection(SEARCHES + "condition: sel_a and")).contains("ends too early");
        assertThat(rejection(SEARCHES + "condition: 1 of nothing_*")).contains("names no search");
        assertThat(rejection(SEARCHES + "condition: 2 of sel_*")).contains("not supported");
        assertThat(rejection(SEARCHES)).contains("no condition");
        assertThatThrownBy(() -> ConditionParser.parse("")).hasMessageContaining("empty");
    }
}
