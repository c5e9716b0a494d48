package kahu.detect.ioc;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What package-info.java of kahu.detect.ioc promises: it stores nothing and parses no log formats. */
class IndicatorPackageBoundariesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kahu.detect.ioc");

    @Test
    void storesNothing() {
        noClasses().that().resideInAPackage("kahu.detect.ioc..")
                .should().dependOnClassesThat().resideInAnyPackage("kahu.store..", "java.sql..", "org.jdbi..", "kahu.cli..")
                .check(CLASSES);
    }

    @Test
    void leavesLogReadingToIngest() {
        // The Event model is shared; the readers that open and parse log formats are not used here.
        noClasses().that().resideInAPackage("kahu.detect.ioc..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("kahu.ingest..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(kahu.ingest.Event.class))))
                .check(CLASSES);
    }
}
