package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.chart.RowAxis;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * c_houses' per-model chart beside the table at 1366×768 (a pane about 360 px wide): "neighbourhood=hood_23 (n=72)"
 * shrank whole and took half the pane. Its rows, all of one column, are named by their values, as the forest plot's.
 */
@ExtendWith(ApplicationExtension.class)
class SliceChartLabelsTest {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.verdict.ui.messages");
    private ChartPane pane;

    @Start
    void start(Stage stage) {
        Appearance appearance = new Appearance(false, false);
        pane = new ChartPane(appearance, TEXT, extension -> Optional.empty(), new CurrentThreadExecutor());
        Scene scene = new Scene(pane, 360, 540);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    private static List<SliceResult> neighbourhoods() {
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 5000, Metric.MAE, 54_078, 59_275, -3_267, 13_679, 0.2,
                0.2, Verdict.INCONCLUSIVE));
        for (int i = 0; i < 29; i++) {
            double production = 50_000 + 400 * i;
            results.add(ReportFixture.result(ReportFixture.slice("neighbourhood", String.format("hood_%02d", i)),
                    72 + 11 * i, Metric.MAE, production, production + 1_000, -9_000, 11_000, 0.5, 1.0,
                    Verdict.INCONCLUSIVE));
        }
        return results;
    }

    @Test
    void perModelLabelsOfOneColumnAreShortenedWithTheFullTextKept(FxRobot robot) throws Exception {
        SliceChartData data = SliceChartData.of(Metric.MAE, neighbourhoods());
        JFreeChart chart = new SliceCharts(TEXT).perModel(data);
        robot.interact(() -> pane.showChart(chart, data.points().size(), SliceCharts.PER_MODEL_ROW_HEIGHT));
        RowAxis rows = (RowAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
        WaitForAsyncUtils.waitForFxEvents(5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rows.shownLabels().get(1).startsWith("neighbourhood="));

        List<String> shown = rows.shownLabels();
        for (int i = 1; i < shown.size(); i++) {
            String full = rows.getSymbols()[i];
            assertTrue(full.startsWith("neighbourhood=hood_"), "the axis keeps the full label: " + full);
            String value = full.substring("neighbourhood=".length());
            assertTrue(shown.get(i).equals(value),
                    "'" + shown.get(i) + "' shortens " + full + " and keeps its n");
            String tooltip = chart.getXYPlot().getRenderer().getToolTipGenerator(0, i)
                    .generateToolTip(chart.getXYPlot().getDataset(), 0, i);
            assertTrue(tooltip.startsWith(data.points().get(i).label() + " (n="), "the tooltip has it whole: "
                    + tooltip);
        }
    }

    /**
     * p14's forest plot beside the table at 1366×768: 30 languages and 4 age bands read "lan=ko (n=70)" and "age=65+",
     * where the table and the gates say "language=ko" and "age_band=65+". Every row names its column whole; where the
     * room is short, its value loses its middle first.
     */
    @Test
    void rowsOfSeveralColumnsNameTheirColumnWhole(FxRobot robot) throws Exception {
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 9_179, Metric.ACCURACY, 0.825, 0.854, 0.018, 0.039, 0.001,
                0.001, Verdict.BETTER));
        for (String band : List.of("18-29", "30-44", "45-64", "65+")) {
            results.add(ReportFixture.result(ReportFixture.slice("age_band", band), 2_317, Metric.ACCURACY, 0.82,
                    0.85, 0.004, 0.05, 0.01, 0.04, Verdict.BETTER));
        }
        for (int i = 0; i < 30; i++) {
            String language = i == 0 ? "Português (Brasil)" : String.format("l%02d", i);
            results.add(ReportFixture.result(ReportFixture.slice("language", language), 70 + 9 * i,
                    Metric.ACCURACY, 0.8, 0.8, -0.12, 0.12, 0.5, 1.0, Verdict.INCONCLUSIVE));
        }
        SliceChartData data = SliceChartData.of(Metric.ACCURACY, results);
        JFreeChart chart = new SliceCharts(TEXT).forestPlot(data);
        for (double width : new double[] {400, 300, 240}) {
            robot.interact(() -> {
                pane.getScene().getWindow().setWidth(width);
                pane.showChart(chart, data.points().size(), 0);
            });
            WaitForAsyncUtils.waitForFxEvents(5);
            RowAxis rows = (RowAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
            List<String> shown = rows.shownLabels();
            for (int i = 1; i < shown.size(); i++) {
                String full = rows.getSymbols()[i];
                String column = full.substring(0, full.indexOf('=') + 1);
                assertTrue(shown.get(i).startsWith(column) && shown.get(i).endsWith(full.substring(full.indexOf(" (n="))),
                        "'" + shown.get(i) + "' names the column of " + full + " whole, with its n, at " + width);
            }
            assertTrue(shown.stream().anyMatch(label -> label.startsWith("language=Portu")),
                    "a long value keeps its beginning: " + shown);
        }
    }

    /**
     * c_houses' forest plot beside the table: Δ from −54,593 to +118,715 needs a wide plot for a scale, and its row
     * labels shrank to 9 px to leave it that room. They keep the text size (the table's beside them), in a shorter form
     * where the full one does not fit, each with its n whole; a name too long for the room keeps both its ends, and the
     * chart scrolls.
     */
    @Test
    void forestPlotLabelsKeepTheTextSizeBesideAWideRange(FxRobot robot) throws Exception {
        List<SliceResult> results = new ArrayList<>(neighbourhoods());
        for (int i = 1; i < results.size(); i += 3) {
            results.set(i, ReportFixture.result(ReportFixture.slice("neighbourhood", String.format("hood_%02d", i - 1)),
                    369, Metric.MAE, 54_593, 76_621, -54_593 + 500 * i, 118_715 - 900 * i, 0.5, 1.0,
                    Verdict.INCONCLUSIVE));
        }
        SliceChartData data = SliceChartData.of(Metric.MAE, results);
        JFreeChart chart = new SliceCharts(TEXT).forestPlot(data);
        // narrower than beside the table at 1366×768, so the labels are left less room than they need at the text size
        robot.interact(() -> {
            pane.getScene().getWindow().setWidth(280);
            pane.showChart(chart, data.points().size(), 0);
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        RowAxis rows = (RowAxis) ((XYPlot) chart.getPlot()).getDomainAxis();

        assertEquals(12f, rows.getTickLabelFont().getSize2D(), "row labels of the text size");
        for (int i = 1; i < rows.getSymbols().length; i++) {
            String shown = rows.shownLabels().get(i);
            String full = rows.getSymbols()[i];
            String count = full.substring(full.indexOf(" (n="));
            String value = full.substring("neighbourhood=".length(), full.indexOf(" (n="));
            assertTrue(shown.endsWith(count), "'" + shown + "' keeps the n of " + full);
            String name = shown.substring(0, shown.length() - count.length());
            assertTrue(value.endsWith(name) || name.contains("…") && value.startsWith(name.split("…")[0])
                    && value.endsWith(name.split("…")[1]), "'" + shown + "' names " + full + " by both its ends");
        }
    }

    /**
     * The reviewers' n pack: 460 stores named in 85 characters that differ only in their number and floor ("Filiale
     * 017 – Einkaufszentrum „Große Straße“ Nord-West Erweiterungsbau Ebene 3 ✓"), beside overall and three regions,
     * in a pane as narrow as beside the table at 1366×768. Every row read "sto… ✓ (n=39)" and overall "… (n=40,000)".
     */
    @Test
    void longNamesKeepWhatTellsThemApartAndShortNamesStayWhole(FxRobot robot) throws Exception {
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 40_000, Metric.ACCURACY, 0.80, 0.83, 0.022, 0.030, 0.01,
                0.01, Verdict.BETTER));
        results.add(ReportFixture.result(ReportFixture.slice("region", "Hessen"), 13_298, Metric.ACCURACY, 0.80, 0.83,
                0.02, 0.04, 0.01, 0.01, Verdict.BETTER));
        for (int i = 0; i < 40; i++) {
            String store = String.format("Filiale %03d – Einkaufszentrum „Große Straße“ Nord-West Erweiterungsbau Ebene %d ✓",
                    i, i % 7);
            results.add(ReportFixture.result(ReportFixture.slice("store", store), 30 + i, Metric.ACCURACY, 0.8, 0.8,
                    -0.2, 0.2, 0.5, 1.0, Verdict.INCONCLUSIVE));
        }
        SliceChartData data = SliceChartData.of(Metric.ACCURACY, results);
        JFreeChart chart = new SliceCharts(TEXT).forestPlot(data);
        robot.interact(() -> {
            pane.getScene().getWindow().setWidth(270);
            pane.showChart(chart, data.points().size(), 0);
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        RowAxis rows = (RowAxis) ((XYPlot) chart.getPlot()).getDomainAxis();

        List<String> shown = rows.shownLabels();
        assertEquals("overall (n=40,000) " + org.verdict.ui.theme.Palette.BETTER_MARK, shown.get(0),
                "a short name is never shortened");
        assertTrue(shown.get(1).contains("Hessen"), shown.get(1));
        for (int i = 2; i < shown.size(); i++) {
            String number = String.format("%03d", i - 2);
            assertTrue(shown.get(i).contains(number) && shown.get(i).endsWith(" (n=" + (28 + i) + ")"),
                    "'" + shown.get(i) + "' still says which store it is, with its n");
        }
        assertEquals(shown.size(), new java.util.HashSet<>(shown).size(), "no two rows read alike: " + shown);
    }
}
