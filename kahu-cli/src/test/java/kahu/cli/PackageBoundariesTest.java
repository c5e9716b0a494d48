package kahu.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries each package-info.java promises, checked on the compiled classes. */
class PackageBoundariesTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("kahu");
    }

    @Test
    void stixKnowsNothingOfTheRestOfKahu() {
        noClasses().that().resideInAPackage("kahu.stix..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.store..", "kahu.knowledge..", "kahu.cli..")
                .check(classes);
    }

    @Test
    void theStoreHoldsNoDomainLogic() {
        noClasses().that().resideInAPackage("kahu.store..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.knowledge..", "kahu.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCliPrintsOrParsesArguments() {
        noClasses().that().resideOutsideOfPackage("kahu.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void readersOnlyRead() {
        noClasses().that().resideInAPackage("kahu.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.detect..", "kahu.store..", "kahu.knowledge..", "kahu.attribution..")
                .check(classes);
    }

    @Test
    void detectionNeitherStoresNorAttributes() {
        noClasses().that().resideInAPackage("kahu.detect..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.store..", "kahu.attribution..")
                .check(classes);
    }

    @Test
    void attributionWritesNothingToTheStore() {
        noClasses().that().resideInAPackage("kahu.attribution..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.store..", "kahu.detect..")
                .check(classes);
    }

    /** The simulator must not hand the engine its answers, nor shape its output by what the engine finds. */
    @Test
    void theSimulatorAndTheEngineKnowNothingOfEachOther() {
        noClasses().that().resideInAPackage("kahu.simulate..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.detect..", "kahu.attribution..", "kahu.correlate..", "kahu.store..")
                .check(classes);
        noClasses().that().resideInAnyPackage("kahu.detect..", "kahu.attribution..", "kahu.correlate..", "kahu.ingest..")
                .should().dependOnClassesThat().resideInAPackage("kahu.simulate..")
                .check(classes);
    }

    @Test
    void correlationNeitherStoresNorReports() {
        noClasses().that().resideInAPackage("kahu.correlate..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.store..", "kahu.investigate..", "kahu.report..", "kahu.evaluate..")
                .check(classes);
    }

    @Test
    void nothingInThePipelineReadsGroundTruth() {
        noClasses().that().resideInAnyPackage("kahu.ingest..", "kahu.detect..", "kahu.correlate..", "kahu.attribution..",
                        "kahu.investigate..", "kahu.report..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.evaluate..", "kahu.simulate..")
                .check(classes);
    }

    @Test
    void reportsDoNotTouchTheStore() {
        noClasses().that().resideInAPackage("kahu.report..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.store..")
                .check(classes);
    }
}
