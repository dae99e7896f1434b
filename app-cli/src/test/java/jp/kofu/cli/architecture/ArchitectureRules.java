package jp.kofu.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * kofu's dependency rules (docs/architecture.md). Every rule keeps ArchUnit's failOnEmptyShould, and
 * {@link #PACKAGES} lists every package pattern the rules name so a test can prove each holds classes.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static final String CORE = "jp.kofu.core..";
    static final String ADAPTERS = "jp.kofu.adapters..";
    static final String SERVER = "jp.kofu.server..";
    static final String CLI = "jp.kofu.cli..";

    /** Every package pattern a rule below names; each must hold at least one production class. */
    static final List<String> PACKAGES = List.of(
            CORE, "jp.kofu.core..domain..", "jp.kofu.core..port.in..", "jp.kofu.core..port.out..",
            "jp.kofu.core..service..",
            "jp.kofu.adapters.persistence..", "jp.kofu.adapters.jukiki..", "jp.kofu.adapters.tax..",
            "jp.kofu.adapters.jlis..", ADAPTERS, SERVER, CLI);

    /** The core is pure Java: java.* and jakarta.inject only. */
    static final ArchRule CORE_IS_PURE_JAVA = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.inject..", CORE)
            .because("core is pure Java (the design card): frameworks stay in adapters and apps");

    /**
     * The hexagon: the domain model knows nothing of ports and services, ports know the model only,
     * services implement ports, and adapters never depend on one another.
     */
    static final ArchRule ONION = onionArchitecture()
            .domainModels("jp.kofu.core..domain..")
            .domainServices("jp.kofu.core..port..")
            .applicationServices("jp.kofu.core..service..")
            .adapter("persistence", "jp.kofu.adapters.persistence..")
            .adapter("jukiki", "jp.kofu.adapters.jukiki..")
            .adapter("tax", "jp.kofu.adapters.tax..")
            .adapter("jlis", "jp.kofu.adapters.jlis..")
            // the apps are the composition roots around the hexagon: they may reach every layer
            .ignoreDependency(JavaClass.Predicates.resideInAnyPackage(SERVER, CLI), DescribedPredicate.alwaysTrue())
            .because("adapters are thin bindings of core's ports and never depend on each other");

    /** Only the apps (server, command line) depend on adapters. */
    static final ArchRule ONLY_APPS_USE_ADAPTERS = noClasses()
            .that().resideOutsideOfPackages(ADAPTERS, SERVER, CLI)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
            .because("apps install adapter modules; nothing else may reach an adapter");

    /** The server never depends on the command line. */
    static final ArchRule SERVER_DOES_NOT_USE_CLI = noClasses()
            .that().resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAPackage(CLI);

    /** No cycles between packages. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("jp.kofu.(**)").should().beFreeOfCycles();

    static final List<ArchRule> ALL = List.of(CORE_IS_PURE_JAVA, ONION, ONLY_APPS_USE_ADAPTERS,
            SERVER_DOES_NOT_USE_CLI, NO_PACKAGE_CYCLES);
}
