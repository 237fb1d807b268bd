package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLabelLocation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.shell.BundledSample;
import org.verdict.ui.table.WrappingCell;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * The Evidence pages of the bundled sample pack on a 1366×768 laptop (the view's share of the maximised window, as in
 * {@link GatesLaptopTest}), in normal and in large text: every chart is drawn at the size its pane gives it, and
 * every row keeps its label (three disparities, three labels), every axis title fits its plot and rows do not crowd.
 */
@ExtendWith(ApplicationExtension.class)
class EvidenceLaptopTest {
    private static final double VIEW_WIDTH = 1242;
    private static final double VIEW_HEIGHT = 620;

    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private Appearance appearance;
    private GatesViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        appearance = new Appearance(false, false);
        model = GatesFixture.model(executor, new ActivityMonitor(() -> 0), view -> { });
        GatesFixture.show(stage, (Parent) GatesFixture.evidence(model, appearance, executor).node(), VIEW_WIDTH,
                VIEW_HEIGHT, appearance);
        model.showPack(new PackLoader().load(new BundledSample(Path.of("").toAbsolutePath()).inCheckout()
                .orElseThrow(), Progress.NONE));
    }

    @Test
    void inLargeTextEveryChartLabelsEachRowAndKeepsItsAxisTitleWhole(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        everyChartReadsWhole(robot);
    }

    @Test
    void inNormalTextEveryChartLabelsEachRowAndKeepsItsAxisTitleWhole(FxRobot robot) {
        everyChartReadsWhole(robot);
    }

    @Test
    void theFairnessDisparitiesEachHaveTheirLabel(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> model.selectEvidence(EvidencePageId.FAIRNESS));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> labelled = new ArrayList<>();
        for (ChartPane pane : chartPanes(robot)) {
            JFreeChart chart = pane.chart().orElseThrow();
            if (chart.getTitle().getText().startsWith("Disparity differences over gender")) {
                Drawn drawn = draw(pane, chart);
                SymbolAxis rows = (SymbolAxis) chart.getXYPlot().getRangeAxis();
                assertEquals(1.0, drawn.rowTickUnit, "a label on every row, not on every other one");
                labelled.addAll(List.of(rows.getSymbols()));
            }
        }
        assertEquals(List.of("demographic_parity_difference", "equalized_odds_difference",
                "equal_opportunity_difference"), labelled);
    }

    /**
     * Leaving large text restyles the page (CSS puts the normal font back) and the page list returns beside the page:
     * that must not pull the page's nodes away while CSS is still walking them.
     */
    @Test
    void largeTextCanBeTurnedOnAndOffAgainOnEveryPageWithCharts(FxRobot robot) {
        for (EvidencePageId page : List.of(EvidencePageId.LANGUAGE_PARITY, EvidencePageId.FAIRNESS)) {
            robot.interact(() -> model.selectEvidence(page));
            robot.interact(() -> appearance.largeTextProperty().set(true));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#evidencePagePicker").tryQuery().isPresent(),
                    page + ": in large text a drop-down picks the page");
            robot.interact(() -> appearance.largeTextProperty().set(false));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#evidencePagePicker").tryQuery().isEmpty(),
                    page + ": in normal text the list of pages is back beside the page");
            assertTrue(robot.lookup("#evidencePages").tryQuery().isPresent(), page + ": the list of pages");
            assertTrue(chartPanes(robot).size() >= 1, page + ": its charts are shown again");
        }
        assertEquals(List.of(), executor.unhandledFailures());
    }

    private void everyChartReadsWhole(FxRobot robot) {
        int checked = 0;
        for (EvidencePageId page : EvidencePageId.evidenceViewPages()) {
            robot.interact(() -> model.selectEvidence(page));
            WaitForAsyncUtils.waitForFxEvents();
            double em = appearance.largeTextProperty().get() ? 18 : 12;
            for (ChartPane pane : chartPanes(robot)) {
                JFreeChart chart = pane.chart().orElseThrow();
                String name = page + ": " + chart.getTitle().getText();
                Drawn drawn = draw(pane, chart);
                XYPlot plot = chart.getXYPlot();
                if (plot.getRangeAxis() instanceof SymbolAxis rows) {
                    assertEquals(1.0, drawn.rowTickUnit, name + ": every row has its label");
                    double perRow = drawn.plotArea.getHeight() / Math.max(2, rows.getSymbols().length);
                    assertTrue(perRow >= 1.5 * em, name + ": rows of " + perRow + " px crowd their markers");
                }
                ValueAxis values = plot.getDomainAxis();
                if (values.getLabel() != null) {
                    // under the plot, it may reach past the plot's ends but not past the chart's
                    double title = textWidth(values.getLabel(), values.getLabelFont());
                    double end = AxisLabelLocation.HIGH_END.equals(values.getLabelLocation())
                            ? drawn.plotArea.getMaxX() : drawn.plotArea.getCenterX() + title / 2;
                    assertTrue(end - title >= 0 && end <= drawn.width, name + ": the axis title '"
                            + values.getLabel() + "' (" + title + " px) is cut by a chart " + drawn.width
                            + " px wide");
                }
                assertTrue(drawn.plotArea.getWidth() >= 16 * em, name + ": a plot of "
                        + drawn.plotArea.getWidth() + " px leaves no room for its ticks");
                checked++;
            }
        }
        assertTrue(checked >= 10, "the sample pack's charts were looked at: " + checked);
        assertEquals(List.of(), executor.unhandledFailures());
    }

    @Test
    void inNormalTextTheWordsBesideAPointWithoutAnIntervalStayInsideTheirPlot(FxRobot robot) {
        notesStayInsideTheirPlots(robot);
    }

    @Test
    void inLargeTextTheWordsBesideAPointWithoutAnIntervalStayInsideTheirPlot(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        notesStayInsideTheirPlots(robot);
    }

    /**
     * The held-out set's forest of languages: language=pt (61 rows, unstable) has no interval; the words
     * beside its point were placed for the approval pack's 640-px chart; in a pane of about 520 px they ran past the
     * plot's left edge, which cut them to "able, Δ −0.034 (no interval)".
     */
    private void notesStayInsideTheirPlots(FxRobot robot) {
        robot.interact(() -> model.selectEvidence(EvidencePageId.HOLDOUT));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> notes = new ArrayList<>();
        for (ChartPane pane : chartPanes(robot)) {
            JFreeChart chart = pane.chart().orElseThrow();
            Drawn drawn = draw(pane, chart);
            XYPlot plot = chart.getXYPlot();
            for (Object annotation : plot.getAnnotations()) {
                if (!(annotation instanceof XYTextAnnotation note) || !note.getText().contains("no interval")) {
                    continue;
                }
                double anchor = plot.getDomainAxis().valueToJava2D(note.getX(), drawn.plotArea, RectangleEdge.BOTTOM);
                double width = textWidth(note.getText(), note.getFont());
                double from = note.getTextAnchor() == TextAnchor.CENTER_LEFT ? anchor : anchor - width;
                String box = chart.getTitle().getText() + ": '" + note.getText() + "' over x " + from + " … "
                        + (from + width) + " in a plot " + drawn.plotArea.getMinX() + " … " + drawn.plotArea.getMaxX();
                assertTrue(from >= drawn.plotArea.getMinX() - 0.5 && from + width <= drawn.plotArea.getMaxX() + 0.5,
                        box);
                notes.add(note.getText());
            }
        }
        assertTrue(notes.contains("unstable, Δ −0.034 (no interval)"), "language=pt's note: " + notes);
    }

    @Test
    void inLargeTextTheComparisonFairnessAndSafetyTablesFitWithoutScrollingSideways(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        List<String> scrolling = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        List<String> said = new ArrayList<>();
        // (the holdout page's table of the same columns scrolls a little: "gender=undisclosed" is one word)
        for (EvidencePageId page : List.of(EvidencePageId.SAFETY, EvidencePageId.FAIRNESS,
                EvidencePageId.LANGUAGE_PARITY)) {
            robot.interact(() -> model.selectEvidence(page));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node table : robot.lookup(".evidence-table").queryAll()) {
                boolean sideways = table.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar.isVisible()
                        && ((ScrollBar) bar).getOrientation() == Orientation.HORIZONTAL);
                if (sideways) {
                    scrolling.add(page + " " + ((TableView<?>) table).getColumns().stream()
                            .map(TableColumn::getText).toList());
                }
                ((TableView<?>) table).getColumns().stream().filter(column -> !column.isVisible())
                        .forEach(column -> hidden.add(page + " " + column.getText()));
            }
            robot.lookup(".evidence-hidden-columns").queryAllAs(Label.class).stream().filter(Label::isVisible)
                    .forEach(line -> said.add(page + " " + line.getText()));
        }
        assertEquals(List.of(), scrolling, "a table wraps its cells and hides its adjusted p-values instead");
        // nine columns, the language's smallest class among them, do not fit a laptop in large text
        assertTrue(hidden.contains(EvidencePageId.LANGUAGE_PARITY + " Adj. p"), hidden.toString());
        assertEquals(hidden.size(), said.size(), "each table that hides a column says so: " + hidden + " " + said);
        for (int i = 0; i < hidden.size(); i++) {
            assertTrue(said.get(i).contains("Hidden for room: Adj. p"), said.get(i));
        }
    }

    private static List<ChartPane> chartPanes(FxRobot robot) {
        return robot.lookup("#evidenceCharts").tryQuery().map(grid -> ((Parent) grid).getChildrenUnmodifiable()
                .stream().filter(ChartPane.class::isInstance).map(ChartPane.class::cast).toList()).orElse(List.of());
    }

    /** What drawing the chart at its pane's size laid out. */
    private record Drawn(double width, Rectangle2D plotArea, double rowTickUnit) {
    }

    /** Draws the chart as the pane's canvas does, at the pane's size inside its border. */
    private static Drawn draw(ChartPane pane, JFreeChart chart) {
        double width = pane.getWidth() - pane.snappedLeftInset() - pane.snappedRightInset();
        double height = pane.getHeight() - pane.snappedTopInset() - pane.snappedBottomInset();
        BufferedImage image = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g2.dispose();
        }
        double unit = chart.getXYPlot().getRangeAxis() instanceof SymbolAxis rows ? rows.getTickUnit().getSize() : 0;
        return new Drawn(width, info.getPlotInfo().getDataArea(), unit);
    }

    private static double textWidth(String content, Font font) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            return g2.getFontMetrics(font).getStringBounds(content, g2).getWidth();
        } finally {
            g2.dispose();
        }
    }

    /** A rate and its interval as a Fairness cell draws them, joined by a space or a no-break space. */
    private static final Pattern RATE_WITH_INTERVAL = Pattern.compile("\\d\\.\\d+[ \\u00A0]\\[[^\\]]+\\]");

    /**
     * The Fairness page's per-group rates: each model's rate stays on one line with its interval
     * ("0.260 [0.251, 0.269] /" over "0.228 [0.220, 0.237]"), where the candidate's rate had ended production's line
     * and its interval begun the next.
     */
    @Test
    void inLargeTextEachRateKeepsItsIntervalOnItsLine(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        int wrapped = eachRateOnOneLineWithItsInterval(robot);
        assertTrue(wrapped > 0, "in large text the pairs wrap (else this test shows nothing)");
    }

    @Test
    void inNormalTextEachRateKeepsItsIntervalOnItsLine(FxRobot robot) {
        eachRateOnOneLineWithItsInterval(robot);
    }

    /** The number of paired cells drawn on more than one line. */
    private int eachRateOnOneLineWithItsInterval(FxRobot robot) {
        robot.interact(() -> model.selectEvidence(EvidencePageId.FAIRNESS));
        WaitForAsyncUtils.waitForFxEvents();
        List<Text> pairs = new ArrayList<>();
        for (Node table : robot.lookup(".evidence-table").queryAll()) {
            if (((TableView<?>) table).getColumns().stream().noneMatch(c -> c.getText().equals("TPR"))) {
                continue;
            }
            for (Node cell : table.lookupAll(".table-cell")) {
                if (cell instanceof TableCell<?, ?> shown && shown.getGraphic() instanceof Text text
                        && text.getText().replace('\u00A0', ' ').contains(" / ") && text.getText().contains("[")) {
                    pairs.add(text);
                }
            }
        }
        assertTrue(pairs.size() >= 6, "the rates of both models in each group: " + pairs.size());
        int wrapped = 0;
        for (Text text : pairs) {
            String shown = text.getText();
            Matcher rate = RATE_WITH_INTERVAL.matcher(shown);
            int rates = 0;
            while (rate.find()) {
                rates++;
                int start = rate.start();
                int end = rate.end();
                assertTrue(lines(robot, text, start, end) == 1, "'" + shown.substring(start, end)
                        + "' on one line in '" + shown + "' at width " + text.getWrappingWidth());
            }
            assertTrue(rates == 2, "both models' rates with their intervals: " + shown);
            wrapped += lines(robot, text, 0, shown.length()) > 1 ? 1 : 0;
        }
        return wrapped;
    }

    /**
     * The Safety table in large text breaks no word: every part a line may not break inside (a category's name, a
     * rate, an interval) is no wider than its cell's text.
     */
    @Test
    void inLargeTextTheSafetyTableBreaksNoWord(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> model.selectEvidence(EvidencePageId.SAFETY));
        WaitForAsyncUtils.waitForFxEvents();
        int cells = 0;
        for (Node table : robot.lookup(".evidence-table").queryAll()) {
            for (Node cell : table.lookupAll(".table-cell")) {
                if (cell instanceof TableCell<?, ?> shown && shown.getGraphic() instanceof Text text
                        && !text.getText().isBlank()) {
                    cells++;
                    Text measure = new Text();
                    measure.setFont(text.getFont());
                    for (String part : WrappingCell.unbreakableParts(text.getText())) {
                        measure.setText(part);
                        assertTrue(measure.getLayoutBounds().getWidth() <= text.getWrappingWidth() + 0.5,
                                "'" + part + "' fits its cell's line of " + text.getWrappingWidth() + " px");
                    }
                }
            }
        }
        assertTrue(cells >= 8, "the Safety page's cells: " + cells);
    }

    /** On how many lines the characters from {@code start} to {@code end} are drawn. */
    private static int lines(FxRobot robot, Text text, int start, int end) {
        PathElement[][] shape = new PathElement[1][];
        robot.interact(() -> shape[0] = text.rangeShape(start, end));
        int lines = 0;
        for (PathElement element : shape[0]) {
            lines += element instanceof MoveTo ? 1 : 0;
        }
        return lines;
    }
}
