package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
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
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.settings.UserSettings;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.QuietPeriod;
import org.verdict.ui.theme.Appearance;

/** The Compare view alone, fed a hand-written comparison report, as a reviewer sees it. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final List<Path> exportTargets = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private TableView<ComparisonRow> table;
    private Appearance appearance;
    private ChartPane chartPane;
    private CompareViewModel model;
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) throws Exception {
        appearance = new Appearance(false, false);
        model = new CompareViewModel((pack, candidate, options, progress) -> ReportFixture.standard(),
                new ComparisonEngine()::confusionMatrix,
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS, failures::add, QuietPeriod.NONE);
        chartPane = new ChartPane(appearance, text, extension -> {
            Path target = folder.resolve("chart-" + exportTargets.size() + "." + extension);
            exportTargets.add(target);
            return Optional.of(target);
        }, executor);
        CompareView view = new CompareView(model, text, executor, chartPane,
                new DividerMemory(UserSettings.load(folder.resolve("settings.json"))));
        // The Compare view's share of a 1366 x 768 laptop screen beside the navigation rail.
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1240, 800);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        // the stage is shared by every test class: a window another test resized keeps its size unless told
        stage.sizeToScene();
        stage.show();
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("router"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE));
        table = (TableView<ComparisonRow>) scene.lookup("#compareTable");
    }

    private List<String> column(String id) {
        TableColumn<ComparisonRow, ?> column = table.getColumns().stream().filter(c -> id.equals(c.getId()))
                .findFirst().orElseThrow();
        return table.getItems().stream().map(row -> String.valueOf(column.getCellData(row))).toList();
    }

    private List<String> verdicts() {
        return table.getItems().stream().map(ComparisonRow::verdictText).toList();
    }

    @Test
    void showsEverySliceWithItsVerdictAndTheOverallRowOnTop(FxRobot robot) {
        assertEquals(List.of("overall", "language=en", "language=de", "gender=f", "gender=m"),
                column("compare.col.slice"));
        assertEquals(List.of("▲ better", "▼ worse", "▲ better", "no significant difference", "too few examples"),
                verdicts());
        assertTrue(robot.lookup(".verdict-worse").tryQuery().isPresent(), "worse is styled, not only written");
        assertTrue(robot.lookup("#compareSummary").queryAs(Label.class).getText()
                .contains("overall better; 1 slice worse, 1 better."));
    }

    @Test
    void keysFocusTheFilterAndSwitchTheChartFromAnywhereInTheView(FxRobot robot) {
        robot.interact(() -> table.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sliceFilter").query().isFocused(), "Ctrl+F focuses the filter");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CompareViewModel.ChartKind.PER_MODEL, model.chartKindProperty().get());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#showChart").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "Ctrl+Shift+C hides the chart");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#showChart").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "asking for a chart shows it");
        assertEquals(CompareViewModel.ChartKind.FOREST_PLOT, model.chartKindProperty().get());
    }

    @Test
    void oneClickShowsTheUnadjustedIntervalsAndTheScreenSaysTheVerdictsReadTheAdjustedOnes(FxRobot robot) {
        robot.clickOn("#showUnadjusted");
        WaitForAsyncUtils.waitForFxEvents();

        Label header = (Label) table.getColumns().stream().filter(c -> "compare.col.delta".equals(c.getId()))
                .findFirst().orElseThrow().getGraphic();
        // the column's name, which the ⋮ menu lists; its header stands over the interval's name where the cells do
        assertEquals("Δ [unadjusted 95% CI]", table.getColumns().stream()
                .filter(c -> "compare.col.delta".equals(c.getId())).findFirst().orElseThrow().getText());
        assertEquals("Δ [unadjusted 95% CI]", header.getText().replace("\n", " "));
        assertTrue(robot.lookup("#compareSummary").queryAs(Label.class).getText()
                .contains("the verdicts use the adjusted interval"));
        assertTrue(chartPane.chart().orElseThrow().getTitle().getText().contains("verdicts use the adjusted ones"));
        assertEquals(List.of("▲ better", "▼ worse", "▲ better", "no significant difference", "too few examples"),
                verdicts(), "the verdicts stay");

        robot.clickOn("#showUnadjusted");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Δ [interval]", header.getText());
        assertTrue(chartPane.chart().orElseThrow().getTitle().getText().contains("the verdict's interval"));
    }

    /**
     * The ⋮ menu is how a column that yielded for room comes back: it names every column (it listed blank lines
     * when the headers' names were moved into their tooltip labels), and each header still shows its name once.
     */
    @Test
    void theColumnMenuNamesEveryColumnAndEachHeaderShowsItsNameOnce(FxRobot robot) {
        robot.clickOn("#compareTable .show-hide-columns-button");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ContextMenu menu = robot.listWindows().stream()
                .filter(javafx.scene.control.ContextMenu.class::isInstance)
                .map(javafx.scene.control.ContextMenu.class::cast).filter(javafx.stage.Window::isShowing)
                .findFirst().orElseThrow();
        List<String> names = table.getColumns().stream().map(TableColumn::getText).toList();
        List<String> listed = menu.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList();
        robot.interact(menu::hide);

        assertEquals(names, listed);
        assertTrue(names.stream().allMatch(name -> name != null && !name.isBlank()), names.toString());
        assertTrue(names.contains("adj. p"), names.toString());
        for (javafx.scene.Node header : robot.lookup("#compareTable .column-header").queryAll()) {
            if (header instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                    && h.getTableColumn().isVisible()) {
                long drawn = h.lookupAll(".text").stream().map(javafx.scene.text.Text.class::cast)
                        .filter(t -> t.isVisible() && h.getTableColumn().getText().equals(t.getText())).count();
                assertEquals(1, drawn, h.getTableColumn().getText());
            }
        }
    }

    @Test
    void sortingByDeltaKeepsOverallFirst(FxRobot robot) {
        robot.interact(() -> {
            TableColumn<ComparisonRow, ?> delta = table.getColumns().stream()
                    .filter(c -> "compare.col.delta".equals(c.getId())).findFirst().orElseThrow();
            table.getSortOrder().setAll(delta);
        });
        // ascending Δ: en −0.040, f +0.001, de +0.070, m (no Δ) last
        assertEquals(List.of("overall", "language=en", "gender=f", "language=de", "gender=m"),
                column("compare.col.slice"));
    }

    @Test
    void switchingToAnUnavailableMetricShowsTheReason(FxRobot robot) {
        robot.interact(() -> robot.lookup("#metricPicker").queryComboBox().getSelectionModel()
                .select(org.verdict.core.pack.Metric.ACCURACY));
        Label notice = robot.lookup("#compareNotice").queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertEquals("accuracy is unavailable for this pack: the engine does not compute it here", notice.getText());
    }

    /** The metric picker's tip gives the direction, and for selection_rate, which has none, only its description. */
    @Test
    void theMetricsTipGivesItsDirectionOnlyWhereItHasOne(FxRobot robot) {
        javafx.scene.control.ComboBox<org.verdict.core.pack.Metric> picker = robot.lookup("#metricPicker")
                .queryComboBox();
        robot.interact(() -> picker.getSelectionModel().select(org.verdict.core.pack.Metric.FPR));
        assertTrue(picker.getTooltip().getText().endsWith(" Lower is better."), picker.getTooltip().getText());
        robot.interact(() -> picker.getSelectionModel().select(org.verdict.core.pack.Metric.SELECTION_RATE));
        assertEquals("Share of examples predicted positive (neither better nor worse; shown for fairness).",
                picker.getTooltip().getText());
    }

    @Test
    void ctrlCCopiesTheRowsAsTsv(FxRobot robot) {
        robot.clickOn("#compareTable");
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        String[] lines = clipboardText(robot).split("\n");
        assertEquals(6, lines.length, "header and five rows");
        assertTrue(lines[0].startsWith("slice\tn\tproduction"));
        assertTrue(lines[2].startsWith("language=en\t2000\t"));
        assertTrue(lines[2].endsWith("\tworse"));
    }

    private static String clipboardText(FxRobot robot) {
        String[] holder = new String[1];
        robot.interact(() -> holder[0] = Clipboard.getSystemClipboard().getString());
        return holder[0];
    }

    @Test
    void theChartFollowsTheThemeAndTextSize(FxRobot robot) {
        org.jfree.chart.JFreeChart chart = chartPane.chart().orElseThrow();
        assertEquals(org.verdict.ui.chart.ChartLook.LIGHT.background(), chart.getBackgroundPaint());

        robot.interact(() -> appearance.darkProperty().set(true));
        assertEquals(org.verdict.ui.chart.ChartLook.DARK.background(), chart.getBackgroundPaint());
        assertEquals(org.verdict.ui.chart.ChartLook.DARK.text(), chart.getTitle().getPaint());

        robot.interact(() -> appearance.largeTextProperty().set(true));
        assertTrue(chart.getTitle().getFont().getSize() > 14, "large text reaches the chart");
        robot.interact(() -> {
            appearance.darkProperty().set(false);
            appearance.largeTextProperty().set(false);
        });
    }

    /** Monocle turns a right click into no context-menu request, so the test sends the request a right click makes. */
    private static void openChartMenu(FxRobot robot) {
        javafx.scene.Node chart = robot.lookup("#compareChart").query();
        javafx.geometry.Point2D centre = chart.localToScreen(chart.getBoundsInLocal().getCenterX(),
                chart.getBoundsInLocal().getCenterY());
        robot.interact(() -> chart.fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, centre.getX(), centre.getY(),
                false, null)));
    }

    @Test
    void theChartExportsAsSvgAndPngFromItsContextMenu(FxRobot robot) throws Exception {
        openChartMenu(robot);
        robot.clickOn("Export SVG…");
        WaitForAsyncUtils.waitForFxEvents();
        openChartMenu(robot);
        robot.clickOn("Export PNG…");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(2, exportTargets.size());
        String svg = Files.readString(exportTargets.get(0));
        assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), svg.substring(0, 40));
        assertTrue(svg.contains("language=en"), "the slice labels are in the vector file");
        byte[] png = Files.readAllBytes(exportTargets.get(1));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals('N', png[2]);
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(List.of(), executor.unhandledFailures(), "the files were written without a failure");
    }

    private TableColumn<ComparisonRow, ?> columnWithId(String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    /** The header of a column lies inside the table's visible width, without scrolling. */
    private boolean headerInView(FxRobot robot, String id) {
        javafx.scene.Node header = robot.lookup("#compareTable .column-header").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.skin.TableColumnHeader h
                        && h.getTableColumn() == columnWithId(id))
                .findFirst().orElseThrow();
        javafx.geometry.Bounds headerBounds = header.localToScene(header.getBoundsInLocal());
        javafx.geometry.Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        return headerBounds.getMinX() >= tableBounds.getMinX() && headerBounds.getMaxX() <= tableBounds.getMaxX();
    }

    /** Cells whose text JavaFX had to cut with an ellipsis (the text drawn differs from the cell's text). */
    private List<String> cutCells(FxRobot robot) {
        List<javafx.scene.control.Labeled> cells = robot.lookup("#compareTable .table-cell").queryAll().stream()
                .map(javafx.scene.control.Labeled.class::cast)
                .filter(cell -> cell.isVisible() && cell.getText() != null && !cell.getText().isEmpty())
                .toList();
        // Five rows of up to eight columns; the one too small for a verdict has empty numbers.
        assertTrue(cells.size() >= 20, "the rows' cells are on screen: " + cells.size());
        return cells.stream()
                .filter(cell -> cell.lookupAll(".text").stream()
                        .map(javafx.scene.text.Text.class::cast)
                        .anyMatch(drawn -> !drawn.getText().equals(cell.getText())))
                .map(javafx.scene.control.Labeled::getText)
                .toList();
    }

    @Test
    void everyCellShowsItsWholeTextAtBothTextSizes(FxRobot robot) {
        assertEquals(List.of(), cutCells(robot));

        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> { });
        try {
            assertEquals(List.of(), cutCells(robot));
        } finally {
            robot.interact(() -> appearance.largeTextProperty().set(false));
        }
    }

    /** What a reviewer decides on: never scrolled away, never hidden for room. */
    private static final List<String> MAIN_COLUMNS = List.of("compare.col.slice", "compare.col.verdict",
            "compare.col.n", "compare.col.delta", "compare.col.adjustedP");

    @Test
    void theMainColumnsAreInViewAndTheModelsAndTestMakeRoomBesideTheChart(FxRobot robot) {
        assertEquals(javafx.geometry.Orientation.HORIZONTAL,
                robot.lookup("#compareSplit").queryAs(javafx.scene.control.SplitPane.class).getOrientation(),
                "a wide, short view puts the chart beside the table");
        for (String id : MAIN_COLUMNS) {
            assertTrue(headerInView(robot, id), id + " is in view without scrolling");
        }
        assertEquals("compare.col.verdict", table.getVisibleLeafColumn(1).getId(), "the verdict follows the slice");
        assertTrue(!columnWithId("compare.col.test").isVisible(), "the test yields first");
        assertTrue(!scrollsSideways(), "nothing to scroll to at laptop width");

        // hiding the chart gives the table the whole width, and the yielded columns come back
        robot.interact(() -> robot.lookup("#showChart").queryAs(javafx.scene.control.ToggleButton.class)
                .setSelected(false));
        robot.interact(() -> { });
        try {
            for (TableColumn<ComparisonRow, ?> column : table.getColumns()) {
                assertTrue(headerInView(robot, column.getId()), column.getId() + " is in view without the chart");
            }
        } finally {
            robot.interact(() -> robot.lookup("#showChart").queryAs(javafx.scene.control.ToggleButton.class)
                    .setSelected(true));
        }
    }

    @Test
    void inLargeTextTheChartStacksAndTheMainColumnsStayInView(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> { });
        try {
            assertEquals(javafx.geometry.Orientation.VERTICAL,
                    robot.lookup("#compareSplit").queryAs(javafx.scene.control.SplitPane.class).getOrientation());
            for (String id : MAIN_COLUMNS) {
                assertTrue(headerInView(robot, id), id + " is in view in large text");
            }
            assertTrue(!scrollsSideways());
            assertEquals(List.of(), cutCells(robot));
        } finally {
            robot.interact(() -> appearance.largeTextProperty().set(false));
        }
    }

    @Test
    void aColumnTheUserShowsAgainStaysAndIsReachedByScrollingNotClipped(FxRobot robot) {
        List<TableColumn<ComparisonRow, ?>> yielded = List.of(columnWithId("compare.col.test"),
                columnWithId("compare.col.p"));
        assertTrue(yielded.stream().noneMatch(TableColumn::isVisible), "yielded beside the chart");
        // one at a time, as a user picks them from the ⋮ menu
        yielded.forEach(column -> robot.interact(() -> column.setVisible(true)));
        robot.interact(() -> { });
        try {
            assertTrue(yielded.stream().allMatch(TableColumn::isVisible), "the user's choice wins over the room");
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            assertTrue(columns <= table.getWidth() || scrollsSideways(), "columns past the edge are reached by "
                    + "scrolling: " + columns);
            // the adjusted p may yield to the user's columns (the interval beside the verdict says what it says);
            // the rest stays
            for (String id : MAIN_COLUMNS.stream().filter(id -> !id.equals("compare.col.adjustedP")).toList()) {
                assertTrue(headerInView(robot, id), id + " stays in view");
            }
            assertEquals(List.of(), cutCells(robot));
        } finally {
            yielded.forEach(column -> robot.interact(() -> column.setVisible(false)));
        }
    }

    @Test
    void inTwoLineRowsTheTestStandsMidRowAsEveryOtherCellDoes(FxRobot robot) {
        TableColumn<ComparisonRow, ?> test = columnWithId("compare.col.test");
        robot.interact(() -> test.setVisible(true));
        robot.interact(() -> { });
        try {
            // beside the chart each model's value stands over its interval: two-line rows
            assertTrue(!table.getStyleClass().contains("dense"), "two-line rows");
            for (int row = 0; row < 2; row++) {
                double verdict = textMiddle(robot, "compare.col.verdict", row);
                assertEquals(verdict, textMiddle(robot, "compare.col.test", row), 1.0,
                        "row " + row + ": the test's name is as high as the verdict");
                assertEquals(verdict, textMiddle(robot, "compare.col.slice", row), 1.0);
            }
        } finally {
            robot.interact(() -> test.setVisible(false));
        }
    }

    /** The vertical middle, in the scene, of the text a column's cell shows in a row. */
    private double textMiddle(FxRobot robot, String columnId, int row) {
        javafx.scene.control.TableCell<?, ?> cell = robot.lookup(".table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getIndex() == row && !c.isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no cell of " + columnId + " in row " + row));
        javafx.scene.Node shown = cell.lookup(".text");
        return shown.localToScene(shown.getBoundsInLocal()).getCenterY();
    }

    private boolean scrollsSideways() {
        return table.lookupAll(".scroll-bar").stream().map(javafx.scene.control.ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible());
    }

    @Test
    void aLongVerdictTakesMoreLinesNotAWiderColumn() {
        assertEquals("no significant\ndifference", org.verdict.ui.table.LineBreaks.lines("no significant difference", 16));
        assertEquals("too few examples", org.verdict.ui.table.LineBreaks.lines("too few examples", 16));
        assertEquals("too few\nexamples", org.verdict.ui.table.LineBreaks.lines("too few examples", ComparisonCellTexts.VERDICT_LINE_CHARS_BESIDE));
        assertEquals("no significant\ndifference",
                org.verdict.ui.table.LineBreaks.lines("no significant difference", ComparisonCellTexts.VERDICT_LINE_CHARS_BESIDE));
        assertEquals("▲ better", org.verdict.ui.table.LineBreaks.lines("▲ better", 14));
        assertEquals("unavailable:\nthe labels are\nconstant, so\nr2 is\nundefined",
                org.verdict.ui.table.LineBreaks.lines("unavailable: the labels are constant, so r2 is undefined", 14));
        assertEquals("a-word-longer-than-the-line", org.verdict.ui.table.LineBreaks.lines("a-word-longer-than-the-line", 14));
    }

    @Test
    void aCrossTakesTwoLinesInTheSliceColumn() {
        assertEquals("segment=enterprise ×\nlanguage=pt", CompareView.twoLines("segment=enterprise × language=pt"));
        assertEquals("language=pt", CompareView.twoLines("language=pt"));
        assertEquals("region=r00", CompareView.twoLines("region=r00"));
    }

    /** A long single slice breaks before its "=", inside its value only if that is too long for a line, never after "=". */
    @Test
    void aLongSliceBreaksInsideItsValueOrBeforeItsEqualsSign() {
        assertEquals("segment\n=enterprise", CompareView.twoLines("segment=enterprise"));
        assertEquals("country\n=country_00", CompareView.twoLines("country=country_00"),
                "an underscore that would leave more than 12 characters on the first line is no place to break");
        assertEquals("job=machine\noperator", CompareView.twoLines("job=machine operator"));
        assertEquals("age_band\n=65-and-over", CompareView.twoLines("age_band=65-and-over"),
                "a value that fits a line stays whole");
        assertEquals("store\n=store_000", CompareView.twoLines("store=store_000"),
                "never \"store=store_\" / \"000\": the identifier stays whole");
        assertEquals("age=sixty-\nfive-and-over", CompareView.twoLines("age=sixty-five-and-over"),
                "a value too long for a line breaks after a hyphen, which stays with its word");
        assertEquals("postcode\n=SW1A1AA0000", CompareView.twoLines("postcode=SW1A1AA0000"));
        assertEquals("language=pt", CompareView.twoLines("language=pt"));
    }

    /**
     * A binary or regression pack has no confusion matrices: opening one after a multiclass pack shows the chart, and
     * the Confusion matrix tab is not offered (a greyed tab said nothing of why); a multiclass pack offers it again.
     */
    @Test
    void aPackWithoutMatricesOpenedOverTheConfusionTabShowsTheChartAlone(FxRobot robot) throws Exception {
        javafx.scene.control.Tab confusion = tab(robot, "tabConfusion");
        robot.interact(() -> confusion.getTabPane().getSelectionModel().select(confusion));
        assertTrue(confusion.isSelected());

        Path binary = PackFixture.write(folder.resolve("fraud"), PackFixture.BINARY_MANIFEST, PackFixture.BINARY_CSV);
        var pack = new PackLoader().load(binary, Progress.NONE);
        robot.interact(() -> model.showPack(pack));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.TabPane tabs = tab(robot, "tabChart").getTabPane();
        assertEquals(List.of("tabChart"), tabs.getTabs().stream().map(javafx.scene.control.Tab::getId).toList(),
                "no Confusion matrix tab for a binary pack");
        javafx.scene.control.Tab selected = tabs.getSelectionModel().getSelectedItem();
        assertEquals("tabChart", selected.getId());
        assertTrue(selected.getContent().isVisible(), "the chart is on screen");

        var multiclass = new PackLoader().load(PackFixture.write(folder.resolve("router-again"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE);
        robot.interact(() -> model.showPack(multiclass));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("tabChart", "tabConfusion"),
                tabs.getTabs().stream().map(javafx.scene.control.Tab::getId).toList());
    }

    private static javafx.scene.control.Tab tab(FxRobot robot, String id) {
        return robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).stream()
                .flatMap(pane -> pane.getTabs().stream()).filter(tab -> id.equals(tab.getId()))
                .findFirst().orElseThrow();
    }
}
