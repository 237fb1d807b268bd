package org.verdict.ui.suites;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.event.AxisChangeEvent;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A category axis that never drops a label. JFreeChart's {@link SymbolAxis} leaves out every label that would overlap
 * its neighbour, so on a laptop a fairness chart named only every other group; this one turns all its labels upright
 * when they do not fit side by side (and back when the chart is wide again), at each layout.
 */
final class UprightWhenCrowdedAxis extends SymbolAxis {
    private static final long serialVersionUID = 1L;
    /**
     * Labels turn upright a little before they would touch: the space is first measured on the whole plot area,
     * which is wider than the data area they are finally drawn under.
     */
    private static final double ROOM_SHARE = 0.85;

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

    @Override
    protected void notifyListeners(AxisChangeEvent event) {
        if (!turning) {
            super.notifyListeners(event);
        }
    }
}
