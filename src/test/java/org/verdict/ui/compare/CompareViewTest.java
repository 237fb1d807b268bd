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
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.settings.UserSettings;
import org.verdict.ui.chart.ChartLook;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.table.LineBreaks;
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
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        chartPane = new ChartPane(appearance, text, extension -> {
            Path target = folder.resolve("chart-" + exportTargets.size() + "." + extension);
            exportTargets.add(target);
            return Optional.of(target);
        }, executor);
        CompareView view = new CompareView(model, text, executor, chartPane,
                new DividerMemory(UserSettings.load(folder.resolve("settings.json"))));
        // The Compare view's share of a 1366 x 768 laptop screen beside the navigation rail.
        Scene scene = new Scene((Parent) view.node(), 1240, 800);
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
        assertFalse(robot.lookup("#showChart").queryAs(ToggleButton.class).isSelected(),
                "Ctrl+Shift+C hides the chart");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#showChart").queryAs(ToggleButton.class).isSelected(),
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
        ContextMenu menu = robot.listWindows().stream()
                .filter(ContextMenu.class::isInstance)
                .map(ContextMenu.class::cast).filter(Window::isShowing)
                .findFirst().orElseThrow();
        List<String> names = table.getColumns().stream().map(TableColumn::getText).toList();
        List<String> listed = menu.getItems().stream().map(MenuItem::getText).toList();
        robot.interact(menu::hide);

        assertEquals(names, listed);
        assertTrue(names.stream().allMatch(name -> name != null && !name.isBlank()), names.toString());
        assertTrue(names.contains("adj. p"), names.toString());
        for (Node header : robot.lookup("#compareTable .column-header").queryAll()) {
            if (header instanceof TableColumnHeader h && h.getTableColumn() != null
                    && h.getTableColumn().isVisible()) {
                long drawn = h.lookupAll(".text").stream().map(Text.class::cast)
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
                .select(Metric.ACCURACY));
        Label notice = robot.lookup("#compareNotice").queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertEquals("accuracy is unavailable for this pack: the engine does not compute it here", notice.getText());
    }

    /** The metric picker's tip gives the direction, and for selection_rate, which has none, only its description. */
    @Test
    void theMetricsTipGivesItsDirectionOnlyWhereItHasOne(FxRobot robot) {
        ComboBox<Metric> picker = robot.lookup("#metricPicker")
                .queryComboBox();
        robot.interact(() -> picker.getSelectionModel().select(Metric.FPR));
        assertTrue(picker.getTooltip().getText().endsWith(" Lower is better."), picker.getTooltip().getText());
        robot.interact(() -> picker.getSelectionModel().select(Metric.SELECTION_RATE));
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
        assertTrue(lines[0].startsWith("slice\tn\tpositives\tnegatives\tproduction_predicted_positives\t"
                + "candidate_predicted_positives\tsmallest_class\tsmallest_class_n\tproduction\t"), lines[0]);
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
        JFreeChart chart = chartPane.chart().orElseThrow();
        assertEquals(ChartLook.LIGHT.background(), chart.getBackgroundPaint());

        robot.interact(() -> appearance.darkProperty().set(true));
        assertEquals(ChartLook.DARK.background(), chart.getBackgroundPaint());
        assertEquals(ChartLook.DARK.text(), chart.getTitle().getPaint());

        robot.interact(() -> appearance.largeTextProperty().set(true));
        assertTrue(chart.getTitle().getFont().getSize() > 14, "large text reaches the chart");
        robot.interact(() -> {
            appearance.darkProperty().set(false);
            appearance.largeTextProperty().set(false);
        });
    }

    /** Monocle turns a right click into no context-menu request, so the test sends the request a right click makes. */
    private static void openChartMenu(FxRobot robot) {
        Node chart = robot.lookup("#compareChart").query();
        Point2D centre = chart.localToScreen(chart.getBoundsInLocal().getCenterX(),
                chart.getBoundsInLocal().getCenterY());
        robot.interact(() -> chart.fireEvent(new ContextMenuEvent(
                ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, centre.getX(), centre.getY(),
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
        assertEquals(List.of(), executor.unhandledFailures(), "the files were written without a failure");
    }

    private TableColumn<ComparisonRow, ?> columnWithId(String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    /** The header of a column lies inside the table's visible width, without scrolling. */
    private boolean headerInView(FxRobot robot, String id) {
        Node header = robot.lookup("#compareTable .column-header").queryAll().stream()
                .filter(node -> node instanceof TableColumnHeader h
                        && h.getTableColumn() == columnWithId(id))
                .findFirst().orElseThrow();
        Bounds headerBounds = header.localToScene(header.getBoundsInLocal());
        Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        return headerBounds.getMinX() >= tableBounds.getMinX() && headerBounds.getMaxX() <= tableBounds.getMaxX();
    }

    /** Cells whose text JavaFX had to cut with an ellipsis (the text drawn differs from the cell's text). */
    private List<String> cutCells(FxRobot robot) {
        List<Labeled> cells = robot.lookup("#compareTable .table-cell").queryAll().stream()
                .map(Labeled.class::cast)
                .filter(cell -> cell.isVisible() && cell.getText() != null && !cell.getText().isEmpty())
                .toList();
        // Five rows of up to eight columns; the one too small for a verdict has empty numbers.
        assertTrue(cells.size() >= 20, "the rows' cells are on screen: " + cells.size());
        return cells.stream()
                .filter(cell -> cell.lookupAll(".text").stream()
                        .map(Text.class::cast)
                        .anyMatch(drawn -> !drawn.getText().equals(cell.getText())))
                .map(Labeled::getText)
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
        assertEquals(Orientation.HORIZONTAL,
                robot.lookup("#compareSplit").queryAs(SplitPane.class).getOrientation(),
                "a wide, short view puts the chart beside the table");
        for (String id : MAIN_COLUMNS) {
            assertTrue(headerInView(robot, id), id + " is in view without scrolling");
        }
        assertEquals("compare.col.verdict", table.getVisibleLeafColumn(1).getId(), "the verdict follows the slice");
        assertTrue(!columnWithId("compare.col.test").isVisible(), "the test yields first");
        assertTrue(!scrollsSideways(), "nothing to scroll to at laptop width");

        // hiding the chart gives the table the whole width, and the yielded columns come back
        robot.interact(() -> robot.lookup("#showChart").queryAs(ToggleButton.class)
                .setSelected(false));
        robot.interact(() -> { });
        try {
            for (TableColumn<ComparisonRow, ?> column : table.getColumns()) {
                assertTrue(headerInView(robot, column.getId()), column.getId() + " is in view without the chart");
            }
        } finally {
            robot.interact(() -> robot.lookup("#showChart").queryAs(ToggleButton.class)
                    .setSelected(true));
        }
    }

    @Test
    void inLargeTextTheChartStacksAndTheMainColumnsStayInView(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> { });
        try {
            assertEquals(Orientation.VERTICAL,
                    robot.lookup("#compareSplit").queryAs(SplitPane.class).getOrientation());
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
            // beside the chart Δ stands over its interval: two-line rows
            assertTrue(cell(robot, "compare.col.delta", 0).getText().contains("\n"), "two-line rows");
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

    /** A column's cell in a row. */
    private TableCell<?, ?> cell(FxRobot robot, String columnId, int row) {
        return robot.lookup(".table-cell")
                .queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getIndex() == row && !c.isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no cell of " + columnId + " in row " + row));
    }

    /** The vertical middle, in the scene, of the text a column's cell shows in a row. */
    private double textMiddle(FxRobot robot, String columnId, int row) {
        Node shown = cell(robot, columnId, row).lookup(".text");
        return shown.localToScene(shown.getBoundsInLocal()).getCenterY();
    }

    private boolean scrollsSideways() {
        return table.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    @Test
    void aLongVerdictTakesMoreLinesNotAWiderColumn() {
        assertEquals("no significant\ndifference", LineBreaks.lines("no significant difference", 16));
        assertEquals("too few examples", LineBreaks.lines("too few examples", 16));
        assertEquals("too few\nexamples", LineBreaks.lines("too few examples", ComparisonCellTexts.VERDICT_LINE_CHARS_BESIDE));
        assertEquals("no significant\ndifference",
                LineBreaks.lines("no significant difference", ComparisonCellTexts.VERDICT_LINE_CHARS_BESIDE));
        assertEquals("▲ better", LineBreaks.lines("▲ better", 14));
        assertEquals("unavailable:\nthe labels are\nconstant, so\nr2 is\nundefined",
                LineBreaks.lines("unavailable: the labels are constant, so r2 is undefined", 14));
        assertEquals("a-word-longer-than-the-line", LineBreaks.lines("a-word-longer-than-the-line", 14));
    }

    @Test
    void aCrossTakesTwoLinesInTheSliceColumn() {
        assertEquals("segment=enterprise ×\nlanguage=pt", ComparisonCellTexts.twoLines("segment=enterprise × language=pt"));
        assertEquals("language=pt", ComparisonCellTexts.twoLines("language=pt"));
        assertEquals("region=r00", ComparisonCellTexts.twoLines("region=r00"));
    }

    /** A long single slice breaks before its "=", inside its value only if that is too long for a line, never after "=". */
    @Test
    void aLongSliceBreaksInsideItsValueOrBeforeItsEqualsSign() {
        assertEquals("segment\n=enterprise", ComparisonCellTexts.twoLines("segment=enterprise"));
        assertEquals("country\n=country_00", ComparisonCellTexts.twoLines("country=country_00"),
                "an underscore that would leave more than 12 characters on the first line is no place to break");
        assertEquals("job=machine\noperator", ComparisonCellTexts.twoLines("job=machine operator"));
        assertEquals("age_band\n=65-and-over", ComparisonCellTexts.twoLines("age_band=65-and-over"),
                "a value that fits a line stays whole");
        assertEquals("store\n=store_000", ComparisonCellTexts.twoLines("store=store_000"),
                "never \"store=store_\" / \"000\": the identifier stays whole");
        assertEquals("age=sixty-\nfive-and-over", ComparisonCellTexts.twoLines("age=sixty-five-and-over"),
                "a value too long for a line breaks after a hyphen, which stays with its word");
        assertEquals("postcode\n=SW1A1AA0000", ComparisonCellTexts.twoLines("postcode=SW1A1AA0000"));
        assertEquals("language=pt", ComparisonCellTexts.twoLines("language=pt"));
        // an 85-character store name on one line pushed Δ and its interval out of view in large text
        assertEquals("store\n=Filiale 017 – Einkaufszentrum\n„Große Straße“ Nord-West\nErweiterungsbau Ebene 3 ✓",
                ComparisonCellTexts.twoLines(
                        "store=Filiale 017 – Einkaufszentrum „Große Straße“ Nord-West Erweiterungsbau Ebene 3 ✓"));
    }

    /**
     * A binary or regression pack has no confusion matrices: opening one after a multiclass pack shows the chart, and
     * the Confusion matrix tab is not offered (a greyed tab said nothing of why); a multiclass pack offers it again.
     */
    @Test
    void aPackWithoutMatricesOpenedOverTheConfusionTabShowsTheChartAlone(FxRobot robot) throws Exception {
        Tab confusion = tab(robot, "tabConfusion");
        robot.interact(() -> confusion.getTabPane().getSelectionModel().select(confusion));
        assertTrue(confusion.isSelected());

        Path binary = PackFixture.write(folder.resolve("fraud"), PackFixture.BINARY_MANIFEST, PackFixture.BINARY_CSV);
        var pack = new PackLoader().load(binary, Progress.NONE);
        robot.interact(() -> model.showPack(pack));
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = tab(robot, "tabChart").getTabPane();
        assertEquals(List.of("tabChart"), tabs.getTabs().stream().map(Tab::getId).toList(),
                "no Confusion matrix tab for a binary pack");
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        assertEquals("tabChart", selected.getId());
        assertTrue(selected.getContent().isVisible(), "the chart is on screen");

        var multiclass = new PackLoader().load(PackFixture.write(folder.resolve("router-again"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE);
        robot.interact(() -> model.showPack(multiclass));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("tabChart", "tabConfusion"),
                tabs.getTabs().stream().map(Tab::getId).toList());
    }

    private static Tab tab(FxRobot robot, String id) {
        return robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(pane -> pane.getTabs().stream()).filter(tab -> id.equals(tab.getId()))
                .findFirst().orElseThrow();
    }
}
