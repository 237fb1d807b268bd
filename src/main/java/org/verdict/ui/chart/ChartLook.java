package org.verdict.ui.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Collection;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.verdict.core.report.EvidenceCharts;

/**
 * Makes a JFreeChart follow the app's theme (Primer light or dark backgrounds, text and grid colours) and text
 * size. Series colours are not touched: they come from {@link org.verdict.ui.theme.Palette} and are the same in
 * both themes.
 */
public record ChartLook(Color background, Color text, Color grid, float fontSize) {
    public static final ChartLook LIGHT = new ChartLook(Color.decode("#ffffff"), Color.decode("#24292f"),
            Color.decode("#d0d7de"), 12f);
    public static final ChartLook DARK = new ChartLook(Color.decode("#0d1117"), Color.decode("#c9d1d9"),
            Color.decode("#30363d"), 12f);

    public static ChartLook of(boolean dark, boolean largeText) {
        ChartLook base = dark ? DARK : LIGHT;
        return largeText ? new ChartLook(base.background, base.text, base.grid, 18f) : base;
    }

    public void applyTo(JFreeChart chart) {
        Font regular = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize));
        Font title = regular.deriveFont(Font.BOLD, fontSize + 2);
        chart.setBackgroundPaint(background);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
            chart.getTitle().setFont(title);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title subtitle = chart.getSubtitle(i);
            if (subtitle instanceof LegendTitle legend) {
                legend.setBackgroundPaint(background);
                legend.setItemPaint(text);
                legend.setItemFont(regular);
            } else if (subtitle instanceof TextTitle textTitle) {
                textTitle.setPaint(text);
                textTitle.setFont(regular);
            }
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(background);
        plot.setOutlinePaint(grid);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                styleAxis(xy.getDomainAxis(i), regular);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                styleAxis(xy.getRangeAxis(i), regular);
            }
            styleLimits(xy.getDomainMarkers(Layer.FOREGROUND));
            styleLimits(xy.getRangeMarkers(Layer.FOREGROUND));
            styleRowLimits(xy);
            // a value written on a line (a clipped estimate on its whisker) stands on the theme's background
            xy.getAnnotations().stream().filter(a -> a instanceof XYTextAnnotation t && t.getBackgroundPaint() != null)
                    .forEach(a -> ((XYTextAnnotation) a).setBackgroundPaint(background));
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(grid);
            category.setDomainGridlinePaint(grid);
            for (int i = 0; i < category.getDomainAxisCount(); i++) {
                styleAxis(category.getDomainAxis(i), regular);
            }
            for (int i = 0; i < category.getRangeAxisCount(); i++) {
                styleAxis(category.getRangeAxis(i), regular);
            }
        }
    }

    /**
     * Labelled lines (an SLO, an accepted rate, parity) take the theme's text colour, so that they read on a dark
     * background as on a light one; their label keeps its size, which the chart laid out its lanes for.
     */
    private void styleLimits(Collection<?> markers) {
        if (markers == null) {
            return;
        }
        for (Object marker : markers) {
            // a limit over time is labelled by an annotation beside its line (EvidenceCharts.LineLimitLabel)
            if (marker instanceof ValueMarker limit
                    && (limit.getLabel() != null || limit.getStroke() == EvidenceCharts.LIMIT_STROKE)) {
                limit.setPaint(text);
                limit.setLabelPaint(text);
                limit.setLabelBackgroundColor(background);
            }
        }
    }

    /** The limits of one row (a category's own accepted rate) take the theme's text colour like the others. */
    private void styleRowLimits(XYPlot plot) {
        for (XYAnnotation annotation : plot.getAnnotations()) {
            if (annotation instanceof EvidenceCharts.RowLimitLabel label) {
                label.setPaint(text);
            } else if (annotation instanceof EvidenceCharts.LineLimitLabel label) {
                label.setPaint(text);
                label.setBackgroundPaint(background);
            } else if (annotation instanceof EvidenceCharts.RowLimitSegment segment) {
                // a line annotation's colour is fixed when it is made
                plot.removeAnnotation(segment, false);
                plot.addAnnotation(new EvidenceCharts.RowLimitSegment(segment.getX1(), segment.getY1(),
                        segment.getX2(), segment.getY2(), segment.getStroke(), text), false);
            }
        }
    }

    private void styleAxis(Axis axis, Font font) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(text);
        axis.setTickLabelPaint(text);
        axis.setAxisLinePaint(grid);
        axis.setTickMarkPaint(grid);
        axis.setLabelFont(font.deriveFont(Font.BOLD));
        axis.setTickLabelFont(font);
    }
}
