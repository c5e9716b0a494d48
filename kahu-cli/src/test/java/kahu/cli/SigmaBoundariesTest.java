package kahu.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What kahu.detect.sigma's package-info promises: it stores nothing and reads no logs itself. */
class SigmaBoundariesTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // kahu-core's tests reach this module as a test jar (or its test-classes folder): leave them out too.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                .importPackages("kahu");
    }

    @Test
    void theSigmaEngineStoresNothing() {
        noClasses().that().resideInAPackage("kahu.detect.sigma..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.store..", "kahu.knowledge..", "kahu.attribution..",
                        "java.sql..", "org.jdbi..")
                .check(classes);
    }

    @Test
    void theSigmaEngineUsesNoLogReader() {
        // Events reach it from outside (the CLI wires WindowsEventJson in as an EventSource); only the Event model is shared.
        noClasses().that().resideInAPackage("kahu.detect.sigma..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("kahu.ingest..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Event"))))
                .check(classes);
    }
}
