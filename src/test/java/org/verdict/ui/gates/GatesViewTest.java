package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Parent;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.gates.RealStylePack;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.Gate;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;
import org.verdict.ui.theme.CellFont;
import org.verdict.ui.theme.Palette;

/** The Gates view and the Evidence view side by side, on a pack whose safety gate fails, as a reviewer sees them. */
@ExtendWith(ApplicationExtension.class)
class GatesViewTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = GatesFixture.TEXT;
    private final List<String> shownViews = new ArrayList<>();
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private TableView<GateRow> table;
    private GatesViewModel model;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) throws Exception {
        model = GatesFixture.model(executor, new ActivityMonitor(() -> 0), shownViews::add);
        GatesView gates = new GatesView(model, text);
        Appearance appearance = new Appearance(false, false);
        EvidenceView evidence = GatesFixture.evidence(model, appearance, executor);
        Scene scene = GatesFixture.show(stage, new HBox((Parent) gates.node(), (Parent) evidence.node()), 1200, 780,
                appearance);
        Path pack = Files.createTempDirectory(folder, "pack");
        model.showPack(GatesFixture.failingSafety(pack).load());
        table = (TableView<GateRow>) scene.lookup("#gatesTable");
    }

    @Test
    void inLargeTextTheGateTableKeepsMostOfTheViewAndThePageScrollsToTheRest(FxRobot robot) {
        Appearance large = new Appearance(false, true);
        robot.interact(() -> large.applyTo(table.getScene().getRoot()));
        robot.interact(() -> { });
        ScrollPane page = robot.lookup("#gatesPage").queryAs(ScrollPane.class);
        assertTrue(table.getHeight() >= GatesView.TABLE_SHARE_OF_VIEW * page.getHeight() - 1,
                "the gates take " + table.getHeight() + " of " + page.getHeight());
        assertTrue(robot.lookup("#gatesApproval").tryQuery().isPresent(), "the approval follows, reached by scrolling");
    }

    /** A projector's large text in a narrow window: a gate's name wraps between words, never inside one. */
    @Test
    void inLargeTextAGatesNameBreaksBetweenWordsOnly(FxRobot robot) {
        Appearance large = new Appearance(false, true);
        robot.interact(() -> large.applyTo(table.getScene().getRoot()));
        robot.interact(() -> table.getScene().getWindow().setWidth(700));
        robot.interact(() -> { });
        TableColumn<GateRow, ?> gate = table.getColumns().get(1);
        double size = robot.lookup("#gatesApproval").queryAs(Label.class).getFont().getSize();
        assertTrue(size > 14, "large text: " + size);
        Text word = new Text("Contamination");
        word.setFont(Font.font(CellFont.FAMILY, size));
        assertTrue(table.getItems().stream().anyMatch(row -> row.title().contains("Contamination")));
        assertTrue(gate.getWidth() >= word.getLayoutBounds().getWidth() + 18,
                "the Gate column (" + gate.getWidth() + " px) holds 'Contamination' ("
                        + word.getLayoutBounds().getWidth() + " px) whole");
    }

    @Test
    void showsEveryGateWithIconAndWordsAndTheApproval(FxRobot robot) {
        assertEquals(12, table.getItems().size());
        assertTrue(robot.lookup(".table-cell.gate-fail").tryQuery().isPresent(), "a failing gate is styled");
        assertTrue(robot.lookup("✘ fail").tryQuery().isPresent(), "and says fail in words with an icon");
        assertTrue(robot.lookup("✔ pass").tryQuery().isPresent());
        assertTrue(robot.lookup("#gatesApproval").queryAs(Label.class).getText().startsWith("Blocked"));
        assertTrue(robot.lookup("#gatesHeadline").queryAs(Label.class).getText().contains("may not replace"));
        assertEquals(List.of(), executor.unhandledFailures());
    }

    @Test
    void clickingAGateLinkOpensItsEvidence(FxRobot robot) {
        robot.clickOn("#evidence-" + Gate.SAFETY.wireName());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("evidence"), shownViews);
        assertEquals("Safety", robot.lookup("#evidenceTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#evidenceSummary").queryAs(Label.class).getText().startsWith("toxic: significantly "
                + "worse"), robot.lookup("#evidenceSummary").queryAs(Label.class).getText());
    }

    @Test
    void evidenceChartsUseThePaletteAndTablesCutNoCell(FxRobot robot) {
        robot.clickOn("#evidence-" + Gate.SAFETY.wireName());
        WaitForAsyncUtils.waitForFxEvents();
        ChartPane chart = robot.lookup("#evidenceChart").queryAs(ChartPane.class);
        XYPlot plot = chart.chart().orElseThrow().getXYPlot();
        assertEquals(Palette.awt(Palette.PRODUCTION), plot.getRenderer().getSeriesPaint(0));
        assertEquals(Palette.awt(Palette.CANDIDATE), plot.getRenderer().getSeriesPaint(1));
        assertEquals("candidate 2", plot.getDataset().getSeriesKey(1), "the legend names the version");
        // every cell of the safety table shows its whole text, wrapped within its row: no "1..." for n, no cut
        // interval, no line below the row's edge
        List<TableCell<?, ?>> cells = robot.lookup(".evidence-table .table-cell").queryAll().stream()
                .<TableCell<?, ?>>map(node -> (TableCell<?, ?>) node)
                .filter(cell -> cell.getGraphic() instanceof Text shown && !shown.getText().isEmpty()).toList();
        List<String> shown = cells.stream().map(cell -> ((Text) cell.getGraphic()).getText()).toList();
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("0.500 [")), "the candidate's rate and CI: " + shown);
        assertTrue(robot.lookup(".evidence-table .table-cell.tone-fail").tryQuery().isPresent(),
                "a failing part of the gate is styled as the approval pack styles it");
        for (TableCell<?, ?> cell : cells) {
            Text text = (Text) cell.getGraphic();
            Bounds textBounds = text.localToScene(text.getLayoutBounds());
            Bounds cellBounds = cell.localToScene(cell.getLayoutBounds());
            assertTrue(textBounds.getHeight() <= cellBounds.getHeight() + 0.5
                    && textBounds.getWidth() <= cellBounds.getWidth() + 0.5, "cut: " + text.getText());
        }
    }

    @Test
    void aMissingSuiteIsSaidPlainlyInItsEvidencePage(FxRobot robot) {
        // the evidence has half the window here: a drop-down, not the list, picks its page
        robot.interact(() -> robot.lookup("#evidencePagePicker").queryComboBox().setValue(EvidencePageId.METRIC_HISTORY));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#evidenceMissing").queryAs(Label.class).getText()
                .contains("no metric history"));
    }

    @Test
    void aPrimaryOnlyPackShowsItsWorseSlicesAndDeclaredReasons(FxRobot robot) throws Exception {
        Path pack = Files.createTempDirectory(folder, "real");
        robot.interact(() -> {
            try {
                model.showPack(new RealStylePack(pack,
                        RealStylePack.Kind.REGRESSION).worseInTheWest()
                        .policy("{\"notApplicable\": {\"latency\": \"batch scoring, no SLO\"}}").load());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("– not applicable").tryQuery().isPresent(), "the outcome in words");
        assertTrue(robot.lookup("batch scoring, no SLO").tryQuery().isPresent(), "and its reason");
        assertTrue(robot.lookup("#gatesWorseSlices").queryListView().isVisible());
        assertEquals(1, robot.lookup("#gatesWorseSlices").queryListView().getItems().size());
        assertTrue(robot.lookup("#gatesWorseSlicesHeading").queryAs(Label.class).getText()
                .startsWith("Slices significantly worse on mae (1 of the "));
        assertEquals(List.of(), executor.unhandledFailures());
    }
}
