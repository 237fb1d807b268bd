package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * The Gates view opened for the first time after its gates were judged, as in the app when the board reads Compare
 * first: a primary-only pack of 25 teams of 7 rows (its primary metric lacking evidence, eight gates not applicable,
 * long reasons), on a 1366×768 laptop. The frame that first shows the view has the reasons in the room the other
 * columns leave: it was drawn at the widths JavaFX gives a column it sizes itself (Why and Gate 86 px wide, a reason
 * a word a line in rows 350 px tall, 700 px blank at the right of the table) until the next pulse, seconds later on a
 * loaded laptop.
 */
@ExtendWith(ApplicationExtension.class)
class GatesShownAfterJudgingLaptopTest {
    private static final double VIEW_WIDTH = 1242;
    private static final double VIEW_HEIGHT = 620;
    private static final int TEAMS = 25;
    private static final int ROWS_PER_TEAM = 7;

    @TempDir
    static Path folder;

    private final CurrentThreadExecutor judging = new CurrentThreadExecutor();
    private GatesViewModel model;
    private Parent gates;
    private Scene scene;

    @Start
    void start(Stage stage) {
        model = GatesFixture.model(judging, new ActivityMonitor(() -> 0), view -> { });
        gates = (Parent) new GatesView(model, GatesFixture.TEXT).node();
        scene = GatesFixture.show(stage, new Label("the Compare view"), VIEW_WIDTH, VIEW_HEIGHT,
                new Appearance(false, false));
    }

    /**
     * What a frame lays out: the table's room for its columns (inside its borders, beside its own vertical scroll bar
     * were it to show one) and their widths.
     */
    private record Frame(double inside, List<Double> widths) {
        double whyWidth() {
            return widths.get(2);
        }

        double othersWidth() {
            return widths.get(0) + widths.get(1) + widths.get(3);
        }
    }

    @Test
    void theFirstFrameGivesTheReasonsTheRoomTheOtherColumnsLeave(FxRobot robot) throws Exception {
        judgeBeforeShowing(robot);

        Frame first = firstFrameShowing(gates, this::frame);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        Frame settled = frame();
        for (Frame shown : List.of(first, settled)) {
            String which = (shown == first ? "first frame" : "settled") + ": columns " + shown.widths()
                    + " in " + shown.inside() + " px";
            assertTrue(shown.whyWidth() > shown.inside() / 2, "Why takes most of the table; " + which);
            assertTrue(shown.whyWidth() >= shown.inside() - shown.othersWidth() - 2,
                    "Why takes the room the others leave; " + which);
            assertTrue(shown.othersWidth() + shown.whyWidth() >= shown.inside() - 2,
                    "no blank room right of the last column; " + which);
        }
        assertEquals(List.of(), judging.unhandledFailures());
    }

    /**
     * The view scrolls as a whole, never its table: the frame that first shows it has the table as tall as its rows,
     * without a scroll bar of its own. The table learnt its rows' height in that pulse's layout and grew only in the
     * next pulse, so that frame showed twelve gates in 70% of the view beside the table's own vertical scroll bar.
     */
    @Test
    void theFirstFrameShowsTheTableAsTallAsItsRowsWithoutItsOwnScrollBar(FxRobot robot) throws Exception {
        judgeBeforeShowing(robot);

        Rows first = firstFrameShowing(gates, this::rows);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        Rows settled = rows();
        assertFalse(settled.ownScrollBar(), "settled: " + settled);
        assertTrue(settled.tableHeight() > 0.7 * VIEW_HEIGHT, "twelve long gates: the page scrolls; " + settled);
        assertFalse(first.ownScrollBar(), "the first frame: " + first + ", settled: " + settled);
        assertEquals(12, first.laidOut(), "every gate laid out in the first frame: " + first);
        assertEquals(settled.tableHeight(), first.tableHeight(), 1, "the first frame's height is kept: " + first);
    }

    private void judgeBeforeShowing(FxRobot robot) throws Exception {
        Path pack = tinySlicesPack(folder.resolve("triage"));
        robot.interact(() -> {
            try {
                model.showPack(new PackLoader().load(pack, Progress.NONE));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, model.rows().size(), "judged before the view is shown");
        assertTrue(model.countsProperty().get().contains("8 not applicable"), model.countsProperty().get());
    }

    /**
     * Puts {@code view} in the scene at the start of a pulse, as a click does, and records the frame that pulse draws:
     * the scene as the pulse left it (every post-layout listener run), read in the first event after it, before the
     * next pulse lays anything out.
     */
    private <T> T firstFrameShowing(Parent view, Supplier<T> record) throws Exception {
        CompletableFuture<T> drawn = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                scene.setRoot(view);
                new Appearance(false, false).applyTo(view);
                Runnable[] afterLayout = new Runnable[1];
                afterLayout[0] = () -> {
                    scene.removePostLayoutPulseListener(afterLayout[0]);
                    Platform.runLater(() -> drawn.complete(record.get()));
                };
                scene.addPostLayoutPulseListener(afterLayout[0]);
            }
        }.start());
        return drawn.get(30, TimeUnit.SECONDS);
    }

    /** The gate table as a frame shows it: its height, the rows laid out in it, and its own vertical scroll bar. */
    private record Rows(double tableHeight, int laidOut, boolean ownScrollBar) {
    }

    private Rows rows() {
        TableView<?> table = (TableView<?>) scene.lookup("#gatesTable");
        int laidOut = (int) table.lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && row.isVisible() && row.getIndex() >= 0
                        && row.getIndex() < table.getItems().size())
                .count();
        return new Rows(table.getHeight(), laidOut, verticalBar(table) > 0);
    }

    private Frame frame() {
        TableView<?> table = (TableView<?>) scene.lookup("#gatesTable");
        return new Frame(table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBar(table),
                table.getColumns().stream().map(TableColumn::getWidth).toList());
    }

    /** The width of the table's own vertical scroll bar while it shows one, else 0. */
    private static double verticalBar(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream()
                .filter(node -> node instanceof ScrollBar scrollBar && scrollBar.getOrientation() == Orientation.VERTICAL
                        && scrollBar.isVisible())
                .mapToDouble(node -> ((ScrollBar) node).getWidth()).sum();
    }

    /**
     * A binary pack of 25 teams of 7 rows, none of them large enough to test, on accuracy: production wrong on every
     * fifth row, the candidate on every sixth; no suite but the primary one.
     */
    private static Path tinySlicesPack(Path root) throws Exception {
        Files.createDirectories(root);
        Files.writeString(root.resolve("manifest.json"), """
                {
                  "format": "verdict-pack/1",
                  "model": {"name": "triage", "task": "binary", "riskTier": 2, "positiveLabel": "yes"},
                  "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                  "primaryMetric": "accuracy",
                  "suites": {"primary": {"file": "primary.csv", "slices": ["team"], "sensitive": []}}
                }
                """);
        StringBuilder csv = new StringBuilder("example_id,label,team,pred_1,pred_2\n");
        for (int row = 0; row < TEAMS * ROWS_PER_TEAM; row++) {
            String label = row % 2 == 0 ? "yes" : "no";
            String other = row % 2 == 0 ? "no" : "yes";
            csv.append('e').append(row).append(',').append(label).append(",team").append(row / ROWS_PER_TEAM)
                    .append(',').append(row % 5 == 0 ? other : label).append(',').append(row % 6 == 0 ? other : label)
                    .append('\n');
        }
        Files.writeString(root.resolve("primary.csv"), csv);
        return root;
    }
}
