package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.theme.Appearance;

/**
 * A pack of stores with long names (as a German retailer's "Filiale 017 – Einkaufszentrum „Große Straße“ …") opened in
 * the Compare view of a 1366×768 laptop (the view's 1242 × 620) that showed a pack of short slices: the first frame
 * that shows the stores' rows already has the columns they need. Fitted in a later event, that frame had the old
 * widths, and on a loaded laptop showed "hos…" and "…" in place of slices and numbers for seconds.
 */
@ExtendWith(ApplicationExtension.class)
class CompareFirstFrameLaptopTest {
    private static final String STORE_017 = "Filiale 017 – Einkaufszentrum „Große Straße“ Nord-West Erweiterungsbau Ebene 3 ✓";

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final List<ComparisonReport> reports = new ArrayList<>(List.of(shortSlices(), longStoreNames()));
    private LaptopCompareView compare;
    private ReviewPack storesPack;

    private static ComparisonReport shortSlices() {
        Metric m = Metric.MACRO_F1;
        return LaptopCompareView.oneMetric("router", "42", "43", m, ComparisonOptions.DEFAULTS, List.of(
                ReportFixture.result(SliceKey.OVERALL, 400, m, 0.80, 0.82, 0.01, 0.03, 0.001, 0.001, Verdict.BETTER),
                ReportFixture.result(ReportFixture.slice("language", "en"), 200, m, 0.81, 0.80, -0.03, 0.01, 0.4, 0.8,
                        Verdict.INCONCLUSIVE)));
    }

    private static ComparisonReport longStoreNames() {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 40_000, m, 0.812, 0.838, 0.022, 0.030, 0.0001, 0.0001,
                Verdict.BETTER));
        results.add(ReportFixture.result(ReportFixture.slice("store", STORE_017), 104, m, 0.846, 0.346, -0.688,
                -0.244, 0.00001, 0.0004, Verdict.WORSE));
        ReportFixture.addLongNamedStores(results, m, 8);
        return LaptopCompareView.oneMetric("churn-de", "42", "43", m, ComparisonOptions.DEFAULTS, results);
    }

    @Start
    void start(Stage stage) throws Exception {
        compare = LaptopCompareView.show(stage, folder, text, new Appearance(false, false), () -> reports.size() > 1 ? reports.remove(0) : reports.get(0),
                "router", PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
        storesPack = new PackLoader().load(PackFixture.write(folder.resolve("stores"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
    }

    /** The table as one pulse laid it out: each shown column's width, and the cells cut with an ellipsis. */
    private record Frame(Map<String, Double> widths, List<String> cutCells) {
    }

    private Frame frame() {
        TableView<ComparisonRow> table = compare.table();
        Map<String, Double> widths = new LinkedHashMap<>();
        table.getVisibleLeafColumns().forEach(column -> widths.put(column.getId(), column.getWidth()));
        List<String> cut = new ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null
                    && !cell.getText().isEmpty() && cell.lookupAll(".text").stream().map(Text.class::cast)
                    .anyMatch(drawn -> drawn.getText().contains("…") && !cell.getText().contains("…"))) {
                TableColumn<?, ?> column = cell.getTableColumn();
                cut.add((column == null ? "?" : column.getId()) + ": " + cell.getText());
            }
        }
        return new Frame(widths, cut);
    }

    @Test
    void theFirstFrameOfTheStoresShowsTheirNamesAndNumbersWhole(FxRobot robot) throws Exception {
        robot.interact(() -> { });
        Frame shortOnes = frame();
        CompletableFuture<Frame> firstFrame = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = compare.table().getScene();
            Runnable[] record = new Runnable[1];
            record[0] = () -> {
                scene.removePostLayoutPulseListener(record[0]);
                firstFrame.complete(frame());
            };
            // the comparison's rows arrive at the start of a pulse, as from an event just before one
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    compare.model().showPack(storesPack);
                    scene.addPostLayoutPulseListener(record[0]);
                }
            }.start();
        });
        Frame first = firstFrame.get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        Frame settled = frame();
        assertTrue(settled.widths().get("compare.col.slice") > shortOnes.widths().get("compare.col.slice"),
                "the stores need a wider slice column than 'language=en': " + shortOnes + " then " + settled);
        assertEquals(List.of(), first.cutCells(), "cells cut in the first frame of the stores");
        // the chart beside takes its room once it has drawn the stores, which may give the models' values room again
        // (columns shown then share the table anew), but no column of the first frame is narrower than it stays
        first.widths().forEach((column, width) -> assertTrue(width >= settled.widths().getOrDefault(column, 0.0) - 0.5,
                column + " in the first frame as wide as it stays: " + first + " then " + settled));
    }
}
