package org.verdict.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core (pack loading, statistics, gates, ledger, reports) and the CLI stay free of any UI toolkit. */
@AnalyzeClasses(packages = "org.verdict", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage("org.verdict.core..", "org.verdict.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.jfree.chart.fx..")
            .because("the core must be usable from the CLI and tests without a UI toolkit");

    @ArchTest
    static final ArchRule onlyTheUiPackagesTouchJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.verdict.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("JavaFX stays in the thin UI layer; the launcher reaches it through VerdictApp.open");

    @ArchTest
    static final ArchRule coreNeverDependsOnUi = noClasses()
            .that().resideInAPackage("org.verdict.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.verdict.ui..", "org.verdict.cli..")
            .because("dependencies point from the UI and CLI into the core, never back");
}
