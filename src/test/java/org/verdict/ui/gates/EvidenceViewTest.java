package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.pack.ReviewPack;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.HeldExecutor;
import org.verdict.ui.theme.Appearance;

/** Opening another pack never leaves the previous pack's evidence charts on screen while its gates are judged. */
@ExtendWith(ApplicationExtension.class)
class EvidenceViewTest {
    @TempDir
    static Path folder;

    /** Work waits until the test runs it: a gate review that is still going on. */
    private final HeldExecutor deferred = new HeldExecutor();
    private GatesViewModel model;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = GatesFixture.model(deferred, new ActivityMonitor(() -> 0), view -> { });
        Appearance appearance = new Appearance(false, false);
        EvidenceView evidence = GatesFixture.evidence(model, appearance, deferred);
        stage.setScene(new Scene((Parent) evidence.node(), 1200, 760));
        stage.show();
    }

    @Test
    void thePreviousPacksChartsGoAtOnceAndThePageSaysTheNewOneIsBeingJudged(FxRobot robot) throws Exception {
        Path first = Files.createTempDirectory(folder, "first");
        Path second = Files.createTempDirectory(folder, "second");
        ReviewPack firstPack = GatesFixture.failingSafety(first).load();
        ReviewPack secondPack = GatesFixture.failingSafety(second).load();
        robot.interact(() -> {
            model.selectEvidence(EvidencePageId.SAFETY);
            model.showPack(firstPack);
            deferred.runUntilIdle();
        });
        assertTrue(robot.lookup("#evidenceCharts").tryQuery().isPresent(), "the first pack's safety charts");

        robot.interact(() -> model.showPack(secondPack));

        assertFalse(robot.lookup("#evidenceCharts").tryQuery().isPresent(), "no chart of the previous pack");
        String summary = robot.lookup("#evidenceSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Judging the gates"), summary);

        robot.interact(deferred::runUntilIdle);
        assertTrue(robot.lookup("#evidenceCharts").tryQuery().isPresent(), "the new pack's charts");
        assertEquals(List.of(), deferred.unhandledFailures());
    }

    /**
     * A page's JFreeChart objects are built off the FX thread: on the FX thread the page shows its title, summary and
     * tables at once, and its charts when the background work hands them over (the first page shown took 0.2–0.4 s
     * of the FX thread to build them).
     */
    @Test
    void aPagesChartsAreBuiltInTheBackgroundAndShownWhenReady(FxRobot robot) throws Exception {
        ReviewPack pack = GatesFixture.failingSafety(Files.createTempDirectory(folder, "bg"))
                .load();
        robot.interact(() -> {
            model.selectEvidence(EvidencePageId.SAFETY);
            model.showPack(pack);
            deferred.runOldestHeldWork(); // the gate review only
        });
        assertEquals(1, deferred.heldCount(), "the page's charts wait for the background");
        assertTrue(robot.lookup("#evidenceChart").tryQuery().isEmpty(), "no chart built on the FX thread");
        String summary = robot.lookup("#evidenceSummary").queryAs(Label.class).getText();
        assertFalse(summary.startsWith("Judging the gates"), "the page itself is shown at once: " + summary);

        robot.interact(() -> model.selectEvidence(EvidencePageId.LATENCY));
        robot.interact(() -> deferred.runOldestHeldWork()); // the safety page's charts, built for a page no longer shown
        assertTrue(robot.lookup("#evidenceChart").tryQuery().isEmpty(), "the safety charts are dropped");

        robot.interact(deferred::runUntilIdle);
        ChartPane chart = robot.lookup("#evidenceChart").queryAs(ChartPane.class);
        assertTrue(chart.chart().isPresent(), "the latency page's charts once built");
        assertTrue(chart.chart().get().getTitle().getText().toLowerCase(Locale.ROOT).contains("latenc"),
                chart.chart().get().getTitle().getText());
        assertEquals(List.of(), deferred.unhandledFailures());
    }

    @Test
    void aPageIsDrawnWhenTheViewIsShownNotWhileAnotherViewIsOnScreen(FxRobot robot) throws Exception {
        ReviewPack pack = GatesFixture.failingSafety(Files.createTempDirectory(folder, "away"))
                .load();
        Appearance appearance = new Appearance(false, false);
        EvidenceView[] away = new EvidenceView[1];
        robot.interact(() -> {
            away[0] = GatesFixture.evidence(model, appearance, deferred);
            model.selectEvidence(EvidencePageId.SAFETY);
            model.showPack(pack);
            deferred.runUntilIdle();
        });
        Parent root = (Parent) away[0].node();
        assertNull(root.lookup("#evidenceChart"), "no chart is built for a view that is not on screen");

        // shown as the main window shows a view: put in its window's scene
        robot.interact(() -> stage.setScene(new Scene(root, 1200, 760)));
        robot.interact(deferred::runUntilIdle); // the chart panes' own background work

        ChartPane safety = (ChartPane) root.lookup("#evidenceChart");
        assertNotNull(safety, "the page's charts once the view is shown");
        assertTrue(safety.chart().isPresent(), "the page's charts once the view is shown");
        assertEquals("Safety", ((Label) root.lookup("#evidenceTitle")).getText());
        assertEquals(List.of(), deferred.unhandledFailures());
    }

    @Test
    void theLanguagePageShowsBothModelsPerLanguageAndTheLegendsNameTheirVersions(FxRobot robot) throws Exception {
        ReviewPack pack = GatesFixture.failingSafety(Files.createTempDirectory(folder, "l"))
                .load();
        robot.interact(() -> {
            model.selectEvidence(EvidencePageId.LANGUAGE_PARITY);
            model.showPack(pack);
            deferred.runUntilIdle();
        });
        JFreeChart deltas = robot.lookup("#evidenceChart").queryAs(ChartPane.class).chart().orElseThrow();
        JFreeChart values = robot.lookup("#evidenceChart1").queryAs(ChartPane.class).chart().orElseThrow();
        assertTrue(deltas.getTitle().getText().contains("candidate − production"), deltas.getTitle().getText());
        assertTrue(values.getTitle().getText().contains("production and candidate"), values.getTitle().getText());
        // TestPack's production is version 1, its candidate version 2
        assertEquals(List.of("production 1", "candidate 2"), legend(values));

        robot.interact(() -> {
            model.selectEvidence(EvidencePageId.SAFETY);
            deferred.runUntilIdle(); // the page's charts are built in the background
        });
        JFreeChart safety = robot.lookup("#evidenceChart").queryAs(ChartPane.class).chart().orElseThrow();
        assertEquals(List.of("production 1", "candidate 2"), legend(safety));
        assertEquals(List.of(), deferred.unhandledFailures());
    }

    private static List<String> legend(JFreeChart chart) {
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }
}
