package org.verdict.ui.chart;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.verdict.ui.theme.Palette;

/**
 * Draws throwaway charts on a background thread once the window is on screen, so that JFreeChart's classes are
 * loaded and its drawing code is compiled before the first real chart. That first draw runs on the FX thread (the
 * chart canvas is a JavaFX node) and blocked it for about 0.26–0.37 s when JFreeChart was cold
 * (docs/benchmarks-ui.md). The charts are drawn on a canvas that is never shown: JavaFX allows a node that is not
 * in a showing scene to be built and drawn on any thread. It has a thread of its own rather than a worker of the
 * app's task executor: those two workers belong to what the user asked for (opening the first pack), which a
 * warm-up must neither delay nor show up in as progress.
 */
public final class ChartWarmUp {
    private static final Logger LOG = Logger.getLogger(ChartWarmUp.class.getName());
    /** A few draws get the drawing code past the interpreter; more would only compete with the first pack. */
    private static final int DRAWS = 3;

    private ChartWarmUp() {
    }

    /**
     * Starts the warm-up on a low-priority daemon thread and returns at once. It waits {@code delay} first: started
     * with the first frame, it competed with the renderer still drawing that frame on 2 cores.
     */
    public static void startInBackground(Duration delay) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            long started = System.nanoTime();
            try {
                drawThrowawayCharts();
                LOG.fine(() -> "Chart warm-up took " + (System.nanoTime() - started) / 1_000_000 + " ms");
            } catch (RuntimeException | LinkageError e) {
                // Only speed is at stake: the first real chart then loads what it needs itself.
                LOG.log(Level.FINE, "Chart warm-up failed", e);
            }
        }, "verdict-chart-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Draws the throwaway charts on the calling thread, which must not be the FX thread. */
    static void drawThrowawayCharts() {
        for (int draw = 0; draw < DRAWS; draw++) {
            boolean dark = draw % 2 == 1;
            for (JFreeChart chart : new JFreeChart[] {forestPlot(), timeSeries()}) {
                chart.setNotify(false);
                ChartLook.of(dark, false).applyTo(chart);
                ChartCanvas canvas = new ChartCanvas(chart);
                canvas.setWidth(900);
                canvas.setHeight(600);
                canvas.draw();
            }
        }
    }

    /** Shaped like the Compare view's slice chart: horizontal intervals per slice, a marker at zero, a legend. */
    private static JFreeChart forestPlot() {
        YIntervalSeries production = new YIntervalSeries("production");
        YIntervalSeries candidate = new YIntervalSeries("candidate");
        String[] slices = new String[24];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = "segment=" + i + " (n=" + (100 + i) + ")";
            production.add(i - 0.15, 0.70 + i / 100.0, 0.65 + i / 100.0, 0.75 + i / 100.0);
            candidate.add(i + 0.15, 0.72 + i / 100.0, 0.66 + i / 100.0, 0.78 + i / 100.0);
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(production);
        dataset.addSeries(candidate);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setSeriesPaint(0, Palette.awt(Palette.PRODUCTION));
        renderer.setSeriesPaint(1, Palette.awt(Palette.CANDIDATE));
        // The canvas collects an entity with a tooltip per item on every draw: number formatting warms up too.
        renderer.setDefaultToolTipGenerator((data, series, item) -> MessageFormat.format("{0}: {1,number,0.000}",
                data.getSeriesKey(series), data.getYValue(series, item)));
        SymbolAxis sliceAxis = new SymbolAxis(null, slices);
        sliceAxis.setInverted(true);
        XYPlot plot = new XYPlot(dataset, sliceAxis, new NumberAxis("macro_f1"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0.7));
        return new JFreeChart("warm-up", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** Shaped like the evidence charts: lines over dates. */
    private static JFreeChart timeSeries() {
        TimeSeries production = new TimeSeries("production");
        TimeSeries candidate = new TimeSeries("candidate");
        Day day = new Day(1, 10, 2026);
        for (int i = 0; i < 30; i++, day = (Day) day.next()) {
            production.add(day, 0.97 + i / 1000.0);
            candidate.add(day, 0.98 - i / 1000.0);
        }
        TimeSeriesCollection dataset = new TimeSeriesCollection(production);
        dataset.addSeries(candidate);
        return ChartFactory.createTimeSeriesChart("warm-up", "date", "success rate", dataset);
    }
}
