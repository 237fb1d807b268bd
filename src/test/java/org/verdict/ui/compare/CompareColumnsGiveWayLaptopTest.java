package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.settings.UserSettings;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.QuietPeriod;
import org.verdict.ui.theme.Appearance;

/**
 * Which Compare columns give way, and in what order, at a laptop's size, in large text (a projector) and in a window
 * narrowed below it: the decision columns (slice, verdict, n, Δ with its interval and the adjusted p) stay; the test
 * and the p make room first, then both models' values, and the columns hidden for room are named beside the filter,
 * above the header. A narrow window wraps the pickers' line rather than push the chart
 * buttons and the table's columns past its edge.
 */
@ExtendWith(ApplicationExtension.class)
class CompareColumnsGiveWayLaptopTest {
    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    @TempDir
    static Path folder;

    private Appearance appearance;
    private CompareViewModel model;
    private Stage stage;
    private Scene scene;
    private TableView<ComparisonRow> table;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) throws Exception {
        this.stage = stage;
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        appearance = new Appearance(false, false);
        model = new CompareViewModel((pack, candidate, options, progress) -> ReportFixture.report(
                CompareLaptopTest.manySlices()), new ComparisonEngine()::confusionMatrix, executor,
                new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        CompareView view = new CompareView(model, text, executor,
                new ChartPane(appearance, text, extension -> Optional.empty(), executor),
                new DividerMemory(UserSettings.load(folder.resolve("settings.json"))));
        // a maximised window's content on a 1366×768 laptop
        // in a pane's centre, as the main window holds it: a scene root is always as wide as the scene, a centre
        // only down to its minimum width
        scene = new Scene(new BorderPane(view.node()), 1242, 620);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("router"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE));
        table = (TableView<ComparisonRow>) scene.lookup("#compareTable");
    }

    private TableColumn<ComparisonRow, ?> column(String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private void assertMainColumnsAndHiddenOnesNamed(FxRobot robot, String mode) {
        assertMainColumnsAndHiddenOnesNamed(robot, mode, true);
    }

    /** @param models whether both models' values must stay (at a laptop's width); narrower, they may give way too */
    private void assertMainColumnsAndHiddenOnesNamed(FxRobot robot, String mode, boolean models) {
        for (String id : new String[] {"compare.col.slice", "compare.col.verdict", "compare.col.n", "compare.col.delta",
            "compare.col.adjustedP"}) {
            assertTrue(column(id).isVisible(), mode + ": " + id + " stays in view");
        }
        for (String id : new String[] {"compare.col.production", "compare.col.candidate"}) {
            assertTrue(!models || column(id).isVisible(), mode + ": " + id + " stays in view");
        }
        // what yields sooner never stands where a more important column had to go
        boolean anyOptionalShown = column("compare.col.test").isVisible() || column("compare.col.p").isVisible();
        assertTrue(!anyOptionalShown || column("compare.col.production").isVisible(),
                mode + ": the test or p in view while the models' values are not");
        if (!column("compare.col.production").isVisible()) {
            // the room the models' values leave goes after the slice's name and the verdict, not into the numbers
            for (String id : new String[] {"compare.col.n", "compare.col.delta", "compare.col.adjustedP"}) {
                assertEquals(column(id).getMinWidth(), column(id).getWidth(), 1.0,
                        mode + ": " + id + " keeps no spare room while the models' values are hidden");
            }
        }
        Label hidden = robot.lookup("#compareHiddenColumns").queryAs(Label.class);
        for (String id : new String[] {"compare.col.adjustedP", "compare.col.p", "compare.col.test",
            "compare.col.production", "compare.col.candidate"}) {
            if (!column(id).isVisible()) {
                assertTrue(hidden.isVisible() && hidden.getText().contains(column(id).getText()),
                        mode + ": " + column(id).getText() + " hidden for room, said where: '" + hidden.getText() + "'");
            }
        }
    }

    @Test
    void largeTextWithUnadjustedIntervalsKeepsTheDecisionColumnsAndNamesWhatGaveWay(FxRobot robot) {
        try {
            robot.interact(() -> model.showUnadjustedProperty().set(true));
            WaitForAsyncUtils.waitForFxEvents(5);
            // the models' values may give way to the chart's rows named whole with their n, never a decision column
            assertMainColumnsAndHiddenOnesNamed(robot, "normal text, unadjusted", false);
            robot.interact(() -> appearance.largeTextProperty().set(true));
            WaitForAsyncUtils.waitForFxEvents(5);
            assertMainColumnsAndHiddenOnesNamed(robot, "large text, unadjusted", false);
            ToggleButton showChart = robot.lookup("#showChart").queryAs(ToggleButton.class);
            if (!showChart.isSelected()) {
                robot.interact(showChart::fire);
                WaitForAsyncUtils.waitForFxEvents(5);
            }
            assertMainColumnsAndHiddenOnesNamed(robot, "large text, unadjusted, chart shown", false);
        } finally {
            robot.interact(() -> {
                appearance.largeTextProperty().set(false);
                model.showUnadjustedProperty().set(false);
            });
        }
    }

    /** 1000×620 less the navigation rail and the menu and status bars: everything stays inside the window. */
    @Test
    void aNarrowWindowWrapsThePickersAndKeepsTheChartButtonsAndColumnsInView(FxRobot robot) {
        try {
            robot.interact(() -> {
                stage.setWidth(880);
                stage.setHeight(560);
            });
            WaitForAsyncUtils.waitForFxEvents(5);
            double right = scene.getWidth();
            for (String id : new String[] {"#showChart", "#chartForest", "#chartPerModel", "#compareSummary",
                "#compareTable"}) {
                Node node = robot.lookup(id).query();
                Bounds bounds = node.localToScene(node.getLayoutBounds());
                assertTrue(bounds.getMaxX() <= right + 0.5, id + " ends at " + bounds.getMaxX() + " in a scene "
                        + right + " wide");
            }
            assertMainColumnsAndHiddenOnesNamed(robot, "880 px wide", false);
        } finally {
            robot.interact(() -> {
                stage.setWidth(1242);
                stage.setHeight(620);
                stage.sizeToScene();
            });
        }
    }
}
