package org.verdict.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules a reviewer would otherwise have to remember: a UI-free core in layers that only look left
 * (pack → stats → compare → summary → gates → ledger → evidence → report → cli/ui), no package cycles, and no UI
 * toolkit in the core.
 * Only the project's own classes are read (see {@code archunit.properties}), which keeps this test to seconds.
 */
@AnalyzeClasses(packages = "org.verdict", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    private static final String[] CORE_LAYER_PACKAGES = {"org.verdict.core.task..", "org.verdict.core.pack..",
            "org.verdict.core.stats..", "org.verdict.core.compare..", "org.verdict.core.gates..",
            "org.verdict.core.ledger..", "org.verdict.core.evidence..", "org.verdict.core.report..", "org.verdict.core.sample..",
            "org.verdict.core.summary.."};

    @ArchTest
    static final ArchRule layersOnlyLookLeft = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Progress").definedBy("org.verdict.core.task..")
            .layer("Pack").definedBy("org.verdict.core.pack..")
            .layer("Stats").definedBy("org.verdict.core.stats..")
            .layer("Compare").definedBy("org.verdict.core.compare..")
            .layer("SummaryPacks").definedBy("org.verdict.core.summary..")
            .layer("Gates").definedBy("org.verdict.core.gates..")
            .layer("Ledger").definedBy("org.verdict.core.ledger..")
            .layer("Evidence").definedBy("org.verdict.core.evidence..")
            .layer("Report").definedBy("org.verdict.core.report..")
            .layer("SamplePacks").definedBy("org.verdict.core.sample..")
            .layer("Settings").definedBy("org.verdict.settings..")
            .layer("Cli").definedBy("org.verdict.cli..")
            .layer("Ui").definedBy("org.verdict.ui..")
            .layer("Entry points").definedBy("org.verdict", "org.verdict.bench..")
            .whereLayer("Progress").mayNotAccessAnyLayer()
            .whereLayer("Pack").mayOnlyAccessLayers("Progress")
            .whereLayer("Stats").mayOnlyAccessLayers("Progress", "Pack")
            .whereLayer("Compare").mayOnlyAccessLayers("Progress", "Pack", "Stats")
            .whereLayer("SummaryPacks").mayOnlyAccessLayers("Progress", "Pack", "Stats", "Compare")
            .whereLayer("Gates").mayOnlyAccessLayers("Progress", "Pack", "Stats", "Compare", "SummaryPacks")
            .whereLayer("Ledger").mayOnlyAccessLayers("Progress", "Pack", "Stats", "Compare", "SummaryPacks", "Gates")
            .whereLayer("Evidence").mayOnlyAccessLayers("Progress", "Pack", "Stats", "Compare", "SummaryPacks",
                    "Gates", "Ledger")
            .whereLayer("Report").mayOnlyAccessLayers("Progress", "Pack", "Stats", "Compare", "SummaryPacks", "Gates",
                    "Ledger", "Evidence")
            .whereLayer("SamplePacks").mayOnlyAccessLayers("Progress", "Pack")
            // the per-user folder and what the app remembers: the CLI finds the app's decision log the app's way
            .whereLayer("Settings").mayNotAccessAnyLayer()
            .whereLayer("Cli").mayOnlyAccessLayers("Progress", "Pack", "Stats", "Compare", "SummaryPacks", "Gates",
                    "Ledger", "Evidence", "Report", "SamplePacks", "Settings")
            .whereLayer("Ui").mayOnlyAccessLayers("Progress", "Pack", "Stats", "Compare", "SummaryPacks", "Gates",
                    "Ledger", "Evidence", "Report", "SamplePacks", "Settings")
            .whereLayer("Entry points").mayNotBeAccessedByAnyLayer()
            .because("each layer builds on the ones before it; a dependency pointing right tangles what a change"
                    + " to one layer may break");

    @ArchTest
    static final ArchRule everyPackageHasItsPlaceInTheLayers = classes()
            .that().resideInAPackage("org.verdict.core..")
            .should().resideInAnyPackage(CORE_LAYER_PACKAGES)
            .because("a new core package must take its place in the layer order in layersOnlyLookLeft,"
                    + " or nothing checks what it may use");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.verdict.(**)").should().beFreeOfCycles()
            .because("two packages that use each other can only be understood, tested and changed together");

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage("org.verdict.core..", "org.verdict.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.jfree.chart.fx..")
            .because("the core must be usable from the CLI and tests without a UI toolkit");

    @ArchTest
    static final ArchRule awtOnlyWhereTheApprovalPackDrawsCharts = noClasses()
            .that().resideInAnyPackage("org.verdict.core..", "org.verdict.cli..")
            // the whole report package, not a list of its classes: drawing the approval pack (charts, PDF text
            // shaping, fonts) is what it is for, and it grows new rendering helpers
            .and().resideOutsideOfPackage("org.verdict.core.report")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..",
                    "org.jfree..")
            .because("only the approval pack draws (JFreeChart onto SVG and PDF, which needs AWT fonts and"
                    + " colours); the rest of the core stays free of any toolkit");

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
