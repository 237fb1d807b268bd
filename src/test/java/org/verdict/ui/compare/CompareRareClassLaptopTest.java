package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;

/**
 * A multiclass pack with a rare class (40 of 8,000 rows), two slice columns and their cross, compared for real beside
 * the forest plot on a 1366×768 laptop and a 1280×720 one. Each decision column (slice, verdict, n, Δ, adjusted p) was
 * given a share of the table's spare room while both models' values were hidden for lack of it; now they are as wide
 * as their text, the models' values show at 1366×768 whatever the Slices choice, and the forest keeps a scale at
 * 1280×720, where the models' values are the first to give way.
 */
@ExtendWith(ApplicationExtension.class)
class CompareRareClassLaptopTest {
    private static final double[] LAPTOP = {1242, 620};
    private static final double[] SMALL_LAPTOP = {1156, 572};
    private static final List<String> DECISION_COLUMNS = List.of("compare.col.slice", "compare.col.verdict",
            "compare.col.n", "compare.col.delta", "compare.col.adjustedP");
    private static final String MANIFEST = """
            {"format": "verdict-pack/1",
             "model": {"name": "mc-rare", "task": "multiclass", "riskTier": 2},
             "models": [{"version": "7", "role": "production"}, {"version": "8", "role": "candidate"}],
             "primaryMetric": "macro_f1",
             "suites": {"primary": {"file": "primary.csv", "slices": ["segment", "language"]}}}
            """;

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private Stage stage;
    private LaptopCompareView view;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        view = LaptopCompareView.comparing(stage, folder, text, LAPTOP[0], LAPTOP[1], new PackLoader().load(
                PackFixture.write(folder.resolve("mc-rare"), MANIFEST, rareClassCsv()), Progress.NONE));
    }

    /**
     * 8,000 tickets of four classes, one of them rare (about 0.5%); production right on 80% of the common classes and
     * 60% of the rare one, the candidate on 82% and 30%; segments even, languages 60 / 30 / 9 / 1%.
     */
    static String rareClassCsv() {
        Random random = new Random(19);
        String[] classes = {"billing", "tech", "account", "legal"};
        double[] share = {0.45, 0.35, 0.195, 0.005};
        String[] segments = {"smb", "ent", "consumer"};
        String[] languages = {"en", "de", "ja", "pt"};
        double[] languageShare = {0.6, 0.3, 0.09, 0.01};
        StringBuilder csv = new StringBuilder("example_id,label,segment,language,pred_7,pred_8\n");
        for (int i = 0; i < 8000; i++) {
            String label = classes[pick(random, share)];
            boolean rare = label.equals("legal");
            csv.append('t').append(i).append(',').append(label).append(',')
                    .append(segments[random.nextInt(segments.length)]).append(',')
                    .append(languages[pick(random, languageShare)]).append(',')
                    .append(random.nextDouble() < (rare ? 0.6 : 0.8) ? label : classes[random.nextInt(3)]).append(',')
                    .append(random.nextDouble() < (rare ? 0.3 : 0.82) ? label : classes[random.nextInt(3)])
                    .append('\n');
        }
        return csv.toString();
    }

    private static int pick(Random random, double[] shares) {
        double at = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            at -= shares[i];
            if (at < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private void show(FxRobot robot, double[] size, SliceDimension dimension) {
        robot.interact(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
            view.model().dimensionProperty().set(dimension);
        });
        WaitForAsyncUtils.waitForFxEvents(10);
    }

    private String columns() {
        return view.table().getColumns().stream().map(c -> c.getId() + (c.isVisible() ? " " : " hidden ")
                + c.getWidth() + " (text " + c.getMinWidth() + ")").toList().toString();
    }

    @Test
    void atALaptopBothModelsValuesShowAndTheDecisionColumnsAreAsWideAsTheirText(FxRobot robot) {
        for (SliceDimension dimension : List.copyOf(view.model().dimensions())) {
            show(robot, LAPTOP, dimension);
            String mode = dimension + ": ";
            CompareHeaders.assertMainColumnsInView(robot, view.table());
            assertFalse(CompareHeaders.scrollsSideways(view.table()), mode + "no sideways scrolling");
            for (TableColumn<ComparisonRow, ?> column : view.table().getColumns()) {
                if (DECISION_COLUMNS.contains(column.getId())) {
                    assertTrue(column.getWidth() <= column.getMinWidth() + 1,
                            mode + column.getId() + " wider than its text: " + columns());
                }
            }
        }
    }

    @Test
    void onA1280By720LaptopTheForestKeepsItsScaleAndTheDecisionColumnsStay(FxRobot robot) throws Exception {
        try {
            for (SliceDimension dimension : List.copyOf(view.model().dimensions())) {
                show(robot, SMALL_LAPTOP, dimension);
                String mode = dimension + " at 1280×720: ";
                ChartViewer viewer = robot.lookup("#compareChart").query().lookupAll("*").stream()
                        .filter(ChartViewer.class::isInstance).map(ChartViewer.class::cast).findFirst().orElseThrow();
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                        () -> viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea().getWidth() > 0);
                Rectangle2D plot = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
                XYPlot xy = (XYPlot) viewer.getChart().getPlot();
                Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
                List<?> ticks = ((NumberAxis) xy.getRangeAxis()).refreshTicks(g2, new AxisState(), plot,
                        RectangleEdge.BOTTOM);
                long labelled = ticks.stream().map(ValueTick.class::cast)
                        .filter(tick -> !tick.getText().isEmpty()).count();
                assertTrue(labelled >= 3, mode + labelled + " labelled ticks on a plot " + plot.getWidth() + " px");
                for (String id : DECISION_COLUMNS) {
                    assertTrue(CompareHeaders.inView(robot, view.table(), id), mode + id + " in view: " + columns());
                }
                for (TableColumn<ComparisonRow, ?> model : view.table().getColumns().filtered(column ->
                        List.of("compare.col.production", "compare.col.candidate").contains(column.getId()))) {
                    assertTrue(!model.isVisible() || CompareHeaders.inView(robot, view.table(), model.getId()),
                            mode + model.getId() + " either hidden for room or whole in view");
                }
                assertFalse(CompareHeaders.scrollsSideways(view.table()), mode + "no sideways scrolling");
            }
        } finally {
            show(robot, LAPTOP, SliceDimension.ALL);
        }
    }
}
