package org.verdict.ui.suites;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.event.AxisChangeEvent;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A category axis that never drops a label. JFreeChart's {@link SymbolAxis} leaves out every label that would overlap
 * its neighbour, so on a laptop a fairness chart named only every other group; this one turns all its labels upright
 * when they do not fit side by side (and back when the chart is wide again), at each layout.
 */
public final class UprightWhenCrowdedAxis extends SymbolAxis {
    private static final long serialVersionUID = 1L;
    /**
     * Labels turn upright a little before they would touch: the space is first measured on the whole plot area,
     * which is wider than the data area they are finally drawn under.
     */
    private static final double ROOM_SHARE = 0.85;
    /** Room the value axis, its label and the insets take beside a chart's data area. */
    private static final double VALUE_AXIS_WIDTH = 80;

    /** Set while the axis turns its own labels during a layout, which must not start another layout. */
    private transient boolean turning;

    UprightWhenCrowdedAxis(String label, String[] categories) {
        super(label, categories);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        if (RectangleEdge.isTopOrBottom(edge)) {
            boolean crowded = crowded(g2, dataArea, edge);
            if (crowded != isVerticalTickLabels()) {
                turning = true;
                try {
                    setVerticalTickLabels(crowded);
                } finally {
                    turning = false;
                }
            }
        }
        return super.refreshTicks(g2, state, dataArea, edge);
    }

    /** Whether two neighbouring labels, written side by side, would need more than the room between their ticks. */
    private boolean crowded(Graphics2D g2, Rectangle2D area, RectangleEdge edge) {
        String[] symbols = getSymbols();
        if (symbols.length < 2) {
            return false;
        }
        g2.setFont(getTickLabelFont());
        double spacing = Math.abs(valueToJava2D(1, area, edge) - valueToJava2D(0, area, edge));
        for (int i = 1; i < symbols.length; i++) {
            double previous = TextUtils.getTextBounds(symbols[i - 1], g2, g2.getFontMetrics()).getWidth();
            double current = TextUtils.getTextBounds(symbols[i], g2, g2.getFontMetrics()).getWidth();
            if ((previous + current) / 2 > spacing * ROOM_SHARE) {
                return true;
            }
        }
        return false;
    }

    /**
     * How much taller than usual a chart must be when shown this wide: group labels that do not fit side by side
     * stand upright, and the plot keeps its height above them. 0 for charts whose labels fit or that have none.
     */
    public static double extraHeightForLabels(JFreeChart chart, double width) {
        return chart.getPlot() instanceof XYPlot plot && plot.getDomainAxis() instanceof UprightWhenCrowdedAxis axis
                ? axis.extraHeightWhenUpright(Math.max(1, width - VALUE_AXIS_WIDTH)) : 0;
    }

    /**
     * How much taller a chart must be, with its data area this wide, for upright labels to leave the plot the height
     * it has with side-by-side ones; 0 when the labels fit side by side.
     */
    double extraHeightWhenUpright(double dataWidth) {
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            if (!crowded(g2, new Rectangle2D.Double(0, 0, dataWidth, 1), RectangleEdge.BOTTOM)) {
                return 0;
            }
            double longest = 0;
            for (String symbol : getSymbols()) {
                longest = Math.max(longest, TextUtils.getTextBounds(symbol, g2, g2.getFontMetrics()).getWidth());
            }
            return Math.max(0, longest - g2.getFontMetrics().getHeight());
        } finally {
            g2.dispose();
        }
    }

    @Override
    protected void notifyListeners(AxisChangeEvent event) {
        if (!turning) {
            super.notifyListeners(event);
        }
    }
}
