package jp.kofu.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The dependency rules hold for every production class of every module (all of them are on this
 * module's test classpath), cannot pass vacuously, and fail on a planted violation.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importEveryProductionClass() {
        // test classes come as directories and as test-jars (core's fixtures): neither is production
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("jp.kofu");
    }

    @Test
    void everyModulesClassesAreImported() {
        assertThat(production.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.startsWith("jp.kofu.core."))
                .anyMatch(p -> p.startsWith("jp.kofu.adapters.persistence"))
                .anyMatch(p -> p.startsWith("jp.kofu.adapters.jukiki"))
                .anyMatch(p -> p.startsWith("jp.kofu.adapters.tax"))
                .anyMatch(p -> p.startsWith("jp.kofu.adapters.jlis"))
                .anyMatch(p -> p.startsWith("jp.kofu.server"))
                .anyMatch(p -> p.startsWith("jp.kofu.cli"));
    }

    @Test
    void everyPackageARuleNamesHoldsClasses() {
        for (String pattern : ArchitectureRules.PACKAGES) {
            DescribedPredicate<JavaClass> inPackage = JavaClass.Predicates.resideInAPackage(pattern);
            assertThat(production.that(inPackage)).as("classes in %s", pattern).isNotEmpty();
        }
    }

    @Test
    void coreIsPureJava() {
        ArchitectureRules.CORE_IS_PURE_JAVA.check(production);
    }

    @Test
    void theHexagonHoldsAndAdaptersNeverDependOnEachOther() {
        ArchitectureRules.ONION.check(production);
    }

    @Test
    void onlyTheAppsDependOnAdapters() {
        ArchitectureRules.ONLY_APPS_USE_ADAPTERS.check(production);
    }

    @Test
    void theServerDoesNotDependOnTheCommandLine() {
        ArchitectureRules.SERVER_DOES_NOT_USE_CLI.check(production);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void aPlantedForbiddenDependencyMakesTheRulesFail() {
        JavaClasses withPlanted = new ClassFileImporter().importPackages("jp.kofu");
        assertThat(withPlanted.contain(jp.kofu.core.planted.domain.PlantedViolation.class)).isTrue();

        EvaluationResult pure = ArchitectureRules.CORE_IS_PURE_JAVA.evaluate(withPlanted);
        assertThat(pure.hasViolation()).isTrue();
        assertThat(pure.getFailureReport().getDetails()).anyMatch(d -> d.contains("PlantedViolation")
                && d.contains("com.google.inject"));

        EvaluationResult onion = ArchitectureRules.ONION.evaluate(withPlanted);
        assertThat(onion.hasViolation()).isTrue();
        assertThat(onion.getFailureReport().getDetails()).anyMatch(d -> d.contains("PlantedViolation")
                && d.contains("jp.kofu.adapters.persistence"));

        EvaluationResult adapters = ArchitectureRules.ONLY_APPS_USE_ADAPTERS.evaluate(withPlanted);
        assertThat(adapters.hasViolation()).isTrue();
    }

    @Test
    void aRuleOverAnEmptyPackageFailsInsteadOfPassing() {
        var rule = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("jp.kofu.nonexistent..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..");
        assertThatThrownBy(() -> rule.check(production)).hasMessageContaining("failed to check any classes");
    }
}
