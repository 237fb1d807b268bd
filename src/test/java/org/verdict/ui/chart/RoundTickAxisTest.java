package org.verdict.ui.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.report.AxisTickFormat;
import org.verdict.core.report.RoundTickAxis;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.MetricFormat;

class RoundTickAxisTest {

    /** The labelled ticks an axis draws along a horizontal plot area {@code width} pixels wide, in the app's font. */
    private static List<String> ticks(NumberAxis axis, double lower, double upper, double width) {
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        axis.setRange(lower, upper);
        Graphics2D g2 = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            List<?> ticks = axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, width, 50),
                    RectangleEdge.BOTTOM);
            return ticks.stream().map(tick -> ((Tick) tick).getText())
                    .filter(text -> text != null && !text.isEmpty()).toList();
        } finally {
            g2.dispose();
        }
    }

    @Test
    void aNarrowAxisOfSmallDeltasKeepsAScale() {
        // Δ roc_auc of a 70-slice pack beside the table at 1366×768: about 100 px of plot
        List<String> plain = ticks(new NumberAxis("Δ roc_auc"), -0.19, 0.06, 100);
        List<String> round = ticks(new RoundTickAxis("Δ roc_auc"), -0.19, 0.06, 100);
        assertTrue(round.size() >= 2, "a scale needs at least 2 labelled ticks, got " + round);
        assertTrue(round.size() > plain.size(), "measuring the ticks drawn, not the ends, leaves room for more: "
                + round + " against JFreeChart's " + plain);
    }

    /**
     * d_manyslices beside the table at 1280×720: Δ from −0.085 to +0.047 on a plot of 255 px read "−0.05  0", two
     * ticks and no scale; 0.02 is too fine for labels such as "−0.08" there, 0.025 is not.
     */
    @Test
    void aSpacingBetweenTheStandardOnesKeepsThreeTicks() {
        RoundTickAxis axis = new RoundTickAxis("Δ roc_auc");
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        axis.setRange(-0.0845, 0.0465);
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        double length = axis.getRange().getLength();
        // a plot on which 0.025's labels just fit and 0.02's do not
        double width = Math.ceil(axis.estimateMaximumTickLabelWidth(g2, new NumberTickUnit(0.025)) * length / 0.025);
        boolean twoHundredthsTooFine = axis.estimateMaximumTickLabelWidth(g2, new NumberTickUnit(0.02))
                > 0.02 * width / length;
        g2.dispose();
        assertTrue(twoHundredthsTooFine, "a plot of " + width + " px is too narrow for a tick every 0.02");

        List<String> round = ticks(axis, -0.0845, 0.0465, width);
        assertTrue(round.size() >= 3, "a scale of at least 3 labelled ticks, got " + round);
    }

    /**
     * d_manyslices beside the table at 1280×720, a plot of 262 px too narrow even for 0.025's labels: the range reaches
     * on to +0.05, the nearer round tick, for a third tick.
     */
    @Test
    void aNarrowPlotReachesOnToAThirdRoundTick() {
        List<String> round = ticks(new RoundTickAxis("Δ roc_auc"), -0.0845, 0.0465, 200);
        assertTrue(round.size() >= 3, "a scale of at least 3 labelled ticks, got " + round);
    }

    /**
     * reg_eur's Δ mae of −17k to +8k euros: every 5k gives five ticks and every 10k two, but the range reaches on to
     * +10k for a third. The plot asked for the room of five labels, and the slice labels beside it lost their n.
     */
    @Test
    void theRoomAskedForThreeTicksCountsTheReachToAThirdRoundTick() {
        RoundTickAxis axis = new RoundTickAxis("Δ mae in EUR");
        axis.setNumberFormatOverride(new AxisTickFormat(MetricFormat.of(Metric.MAE, TargetUnit.of("EUR"))));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        axis.setRange(-17_000, 8_000);
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        double asked = axis.lengthForTicks(g2, RoundTickAxis.USEFUL_TICKS);
        double fiveTicks = axis.estimateMaximumTickLabelWidth(g2, new NumberTickUnit(5_000)) * 25_000 / 5_000;
        g2.dispose();
        assertTrue(asked > 0 && asked < 0.75 * fiveTicks, "asked " + asked + " px, five ticks' room " + fiveTicks);

        List<String> drawn = ticks(axis, -17_000, 8_000, Math.ceil(asked) + 1);
        assertTrue(drawn.size() >= RoundTickAxis.USEFUL_TICKS, "on the room asked for: " + drawn);
    }

    @Test
    void aWideAxisIsNotCrowded() {
        List<String> round = ticks(new RoundTickAxis("Δ roc_auc"), -0.1657, 0.0723, 600);
        assertTrue(round.size() >= 3 && round.size() <= 25, "ticks: " + round);
    }
}
