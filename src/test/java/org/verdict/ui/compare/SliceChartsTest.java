package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.ui.compare.SliceChartData.Point;

class SliceChartsTest {
    private final SliceCharts charts = new SliceCharts(ResourceBundle.getBundle("org.verdict.ui.messages", Locale.ROOT));
    private final SliceChartData data = new SliceChartData(Metric.MACRO_F1, List.of(
            new Point("language=ja", 900, Verdict.WORSE, -0.1, -0.14, -0.06, 0.85, 0.83, 0.87, 0.75, 0.72, 0.78),
            new Point("overall", 24000, Verdict.BETTER, 0.021, 0.015, 0.026, 0.832, 0.827, 0.837, 0.853, 0.848,
                    0.858)));

    /** Each point's tooltip names its own slice and numbers, whichever series the point was drawn in. */
    @Test
    void forestTooltipsDescribeTheirOwnSlice() {
        XYPlot plot = charts.forestPlot(data).getXYPlot();
        List<String> tooltips = tooltipsOf(plot);
        assertEquals(List.of("language=ja (n=900): Δ −0.100 [−0.140, −0.060], " + Verdict.WORSE.label(),
                "overall (n=" + NumberFormat.getInstance().format(24000) + "): Δ +0.021 [+0.015, +0.026], "
                        + Verdict.BETTER.label()), tooltips);
    }

    @Test
    void perModelTooltipsNameTheModel() {
        JFreeChart chart = charts.perModel(data);
        XYPlot plot = chart.getXYPlot();
        XYDataset dataset = plot.getDataset();
        String candidateOfJa = plot.getRenderer().getDefaultToolTipGenerator().generateToolTip(dataset, 1, 0);
        assertEquals("language=ja (n=900): " + dataset.getSeriesKey(1) + " 0.750 [0.720, 0.780]", candidateOfJa);
    }

    /** Tooltips of every item, ordered by the slice position on the chart. */
    private static List<String> tooltipsOf(XYPlot plot) {
        XYDataset dataset = plot.getDataset();
        java.util.TreeMap<Double, String> byPosition = new java.util.TreeMap<>();
        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            for (int item = 0; item < dataset.getItemCount(series); item++) {
                byPosition.put(dataset.getXValue(series, item),
                        plot.getRenderer().getDefaultToolTipGenerator().generateToolTip(dataset, series, item));
            }
        }
        return List.copyOf(byPosition.values());
    }
}
