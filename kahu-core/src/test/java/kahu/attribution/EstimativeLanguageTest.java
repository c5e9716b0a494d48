package kahu.attribution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EstimativeLanguageTest {
    @ParameterizedTest
    @CsvSource({
            "0.00, remote chance", "0.05, remote chance", "0.07, remote chance", "0.08, highly unlikely",
            "0.15, highly unlikely", "0.22, highly unlikely", "0.23, unlikely", "0.375, unlikely", "0.38, realistic possibility",
            "0.45, realistic possibility", "0.52, realistic possibility", "0.53, likely", "0.70, likely", "0.77, likely",
            "0.78, highly likely", "0.85, highly likely", "0.93, almost certain", "1.00, almost certain"})
    void phiaTakesTheNearerBandInAGap(double p, String term) {
        assertThat(EstimativeLanguage.phia(p).term()).isEqualTo(term);
    }

    @ParameterizedTest
    @CsvSource({
            "0.01, almost no chance", "0.049, almost no chance", "0.05, very unlikely", "0.19, very unlikely", "0.20, unlikely",
            "0.44, unlikely", "0.45, roughly even chance", "0.55, likely", "0.79, likely", "0.80, very likely", "0.949, very likely",
            "0.95, almost certain", "0.999, almost certain"})
    void icd203BandsMeetAtTheirEdges(double p, String term) {
        assertThat(EstimativeLanguage.icd203(p).term()).isEqualTo(term);
    }

    @ParameterizedTest
    @CsvSource({"0.19, false", "0.35, false", "0.375, false", "0.38, true", "0.42, true", "0.97, true"})
    void anActorIsNamedFromRealisticPossibilityUp(double p, boolean named) {
        assertThat(EstimativeLanguage.realisticPossibilityOrAbove(p)).isEqualTo(named);
        assertThat(named).isEqualTo(!EstimativeLanguage.phia(p).term().contains("unlikely") && !EstimativeLanguage.phia(p).term().equals("remote chance"));
    }

    @org.junit.jupiter.api.Test
    void rejectsWhatIsNotAProbability() {
        assertThatThrownBy(() -> EstimativeLanguage.phia(1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EstimativeLanguage.icd203(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
