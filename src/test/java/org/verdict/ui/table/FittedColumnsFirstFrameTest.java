package org.verdict.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rows set, then one pulse: the frame that pulse lays out already shows the columns at the widths the new rows need,
 * not the widths of the rows before (a table that fitted its columns in a later event showed a long slice name cut
 * and its numbers as "…" until then, for seconds on a loaded laptop).
 */
@ExtendWith(ApplicationExtension.class)
class FittedColumnsFirstFrameTest {
    private record Slice(String name, String delta) {
    }

    private static final String LONG_NAME =
            "store=Filiale 017 – Einkaufszentrum „Große Straße“ Nord-West Erweiterungsbau Ebene 3 ✓";

    private TableView<Slice> table;
    private TableColumn<Slice, String> name;
    private TableColumn<Slice, String> delta;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(new Slice("overall", "+0.026")));
        table.setStyle("-fx-font-family: 'DejaVu Sans'; -fx-font-size: 13px;");
        FittedColumns<Slice> fitted = new FittedColumns<>(table, new SimpleDoubleProperty(13), false);
        name = column("Slice", Slice::name);
        delta = column("Δ [interval]", Slice::delta);
        table.getColumns().add(name);
        table.getColumns().add(delta);
        fitted.fit(name, Slice::name);
        fitted.fit(delta, Slice::delta);
        stage.setScene(new Scene(new StackPane(table), 1100, 300));
        stage.sizeToScene();
        stage.show();
    }

    private static TableColumn<Slice, String> column(String title, Function<Slice, String> value) {
        TableColumn<Slice, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** What the first frame with the new rows shows: laid out, not yet drawn. */
    private record Frame(double nameWidth, List<String> cutCells) {
    }

    @Test
    void theFirstPulseAfterNewRowsLaysThemOutAtTheirWidths(FxRobot robot) throws Exception {
        double before = name.getWidth();
        Frame first = firstFrameAfter(() -> table.getItems().setAll(
                new Slice("overall", "+0.026 at 95% [+0.022, +0.030]"),
                new Slice(LONG_NAME, "−0.500 at 99.98% [−0.688, −0.244]")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        double settled = name.getWidth();
        assertTrue(settled > before, "the long name needs a wider column: " + before + " -> " + settled);
        assertEquals(List.of(), first.cutCells(), "no cell cut with an ellipsis in the first frame");
        assertEquals(settled, first.nameWidth(), 0.5, "the first frame has the width the table keeps");
    }

    /**
     * A larger text size set by CSS (the app's projector mode), as the app follows it: a label's font, which the CSS
     * pass of the same pulse changes. That pulse already lays the columns out at the new size's widths: measured in the
     * pulse after, the texts in the new size were cut to "…" for a frame.
     */
    @Test
    void theFirstPulseInALargerTextSizeLaysTheColumnsOutAtItsWidths(FxRobot robot) throws Exception {
        TableView<Slice> sized = new TableView<>(FXCollections.observableArrayList(
                new Slice(LONG_NAME, "−0.500 at 99.98% [−0.688, −0.244]")));
        sized.setStyle("-fx-font-family: 'DejaVu Sans';");
        Label body = new Label("body text");
        StackPane root = new StackPane(sized, body);
        root.setStyle("-fx-font-size: 13px;");
        FittedColumns<Slice> fitted = new FittedColumns<>(sized,
                Bindings.createDoubleBinding(() -> body.getFont().getSize(), body.fontProperty()), false);
        TableColumn<Slice, String> sizedName = column("Slice", Slice::name);
        TableColumn<Slice, String> sizedDelta = column("Δ [interval]", Slice::delta);
        sized.getColumns().add(sizedName);
        sized.getColumns().add(sizedDelta);
        fitted.fit(sizedName, Slice::name);
        fitted.fit(sizedDelta, Slice::delta);
        robot.interact(() -> {
            table = sized;
            name = sizedName;
            Stage stage = (Stage) robot.listTargetWindows().get(0);
            stage.setScene(new Scene(root, 1300, 300));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        double before = sizedName.getMinWidth();

        Frame first = firstFrameAfter(() -> root.setStyle("-fx-font-size: 20px;"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        double settled = sizedName.getWidth();
        assertEquals(20, body.getFont().getSize(), 0.01);
        assertTrue(sizedName.getMinWidth() > before * 1.3,
                "the larger text needs a wider column: " + before + " -> " + sizedName.getMinWidth());
        assertEquals(List.of(), first.cutCells(), "no cell cut with an ellipsis in the first frame in the new size");
        assertEquals(settled, first.nameWidth(), 0.5, "the first frame has the width the table keeps");
    }

    /**
     * A table inside a ScrollPane (the Gates view's page) shown with its rows already in: it joins the scene in the
     * CSS pass that builds the ScrollPane's skin, after the pulse's pre-layout listeners, and its own skin, built in
     * the same pass, sizes each column still at JavaFX's default width to its cells. That pulse lays it out with the
     * reasons' column as wide as it asks to be fitted: measured only in the next pulse, the wrapping column was drawn
     * 86 px wide beside blank room for that frame.
     */
    @Test
    void aTableShownInAScrollPaneWithItsRowsHasItsWidthsInTheFirstFrame(FxRobot robot) throws Exception {
        TableView<Slice> shown = new TableView<>(FXCollections.observableArrayList(
                new Slice("primary", "the pack has no safety suite; list \"safety\" in the policy's requiredSuites"),
                new Slice(LONG_NAME, "every suite matches its schema and the primary classes")));
        shown.setStyle("-fx-font-family: 'DejaVu Sans'; -fx-font-size: 13px;");
        FittedColumns<Slice> fitted = new FittedColumns<>(shown, new SimpleDoubleProperty(13), false);
        TableColumn<Slice, String> shownName = column("Slice", Slice::name);
        TableColumn<Slice, String> reason = column("Why", Slice::delta);
        reason.setCellFactory(WrappingCell::new);
        shown.getColumns().add(shownName);
        shown.getColumns().add(reason);
        fitted.fit(shownName, Slice::name);
        fitted.flexible(reason, 16);
        ScrollPane page = new ScrollPane(new VBox(shown));
        page.setFitToWidth(true);
        CompletableFuture<List<Double>> firstFrame = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                Scene scene = table.getScene();
                scene.setRoot(page);
                Runnable[] record = new Runnable[1];
                record[0] = () -> {
                    scene.removePostLayoutPulseListener(record[0]);
                    firstFrame.complete(List.of(shown.getWidth() - shown.snappedLeftInset()
                            - shown.snappedRightInset(), shownName.getWidth(), reason.getWidth()));
                };
                scene.addPostLayoutPulseListener(record[0]);
            }
        }.start());
        List<Double> first = firstFrame.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        assertEquals(shownName.getMinWidth(), first.get(1), 0.5, "the name as wide as fitted: " + first);
        assertEquals(first.get(0), first.get(1) + first.get(2), 2, "the reasons take the rest: " + first);
    }

    /**
     * Runs {@code change} at the start of a pulse (an animation frame, before the scene's CSS and layout passes, as
     * rows that arrive in an event just before a pulse) and records the table as that pulse laid it out.
     */
    private Frame firstFrameAfter(Runnable change) throws Exception {
        CompletableFuture<Frame> laidOut = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = table.getScene();
            Runnable[] record = new Runnable[1];
            record[0] = () -> {
                scene.removePostLayoutPulseListener(record[0]);
                laidOut.complete(new Frame(name.getWidth(), cutCells()));
            };
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    change.run();
                    scene.addPostLayoutPulseListener(record[0]);
                }
            }.start();
        });
        return laidOut.get(10, TimeUnit.SECONDS);
    }

    /** Cell texts that JavaFX had to end in "…" (the text drawn differs from the cell's text). */
    private List<String> cutCells() {
        List<String> cut = new ArrayList<>();
        for (var node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getText() != null && !cell.getText().isEmpty()
                    && cell.lookupAll(".text").stream().map(Text.class::cast)
                    .anyMatch(drawn -> !drawn.getText().equals(cell.getText()))) {
                cut.add(cell.getText());
            }
        }
        return cut;
    }
}
