package kahu.detect.sigma;

import kahu.testing.SharedData;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every regression case of the Sigma repository passes on its EVTX file (Kahu's parser) and on its JSON rendering. */
class SigmaRegressionTest {
    /** Cases whose declared count is wrong in the copied data, with the count the log really gives and why. */
    static final Map<String, Long> DATA_ERRATA = kahu.detect.RegressionErrata.builtIn().values().stream()
            .collect(java.util.stream.Collectors.toMap(kahu.detect.RegressionErrata.Erratum::rule, kahu.detect.RegressionErrata.Erratum::count));

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"evtx", "json"})
    void everyRegressionCasePasses(String events) {
        Path sigma = SharedData.root().resolve("sigma");
        SigmaEngine engine = SigmaEngine.compile(SigmaRuleLoader.load(SigmaConformanceTest.ruleDirs()).loaded());
        List<RegressionCase> cases = SigmaRegression.cases(sigma.resolve("regression_data"));
        RegressionReport report = SigmaRegression.run(cases, engine, events.equals("evtx") ? kahu.detect.RegressionEvents.EVTX : kahu.detect.RegressionEvents.JSON_BESIDE_EVTX);
        report.failed().forEach(f -> System.out.println("FAILED " + f));
        System.out.println("regression: " + report.passed() + " of " + report.cases() + " passed");
        assertThat(report.cases()).isEqualTo(202);
        assertThat(report.failed()).allSatisfy(f -> {
            assertThat(DATA_ERRATA).as("unexpected failure " + f).containsKey(f.rule());
            assertThat(f.actual()).as(f.rule()).isEqualTo(DATA_ERRATA.get(f.rule()));
        });
        assertThat(report.passed()).isEqualTo(202 - DATA_ERRATA.size());
    }
}
