package org.verdict.core.report;

import java.awt.Graphics2D;

/**
 * A value axis that can say how long a plot must be for its ticks to have room for their labels, so that a chart
 * beside a table leaves its plot that length and shortens its row labels instead.
 */
public interface TickRoom {
    /** A plot is readable with this many labelled ticks on its value axis: a scale, not a lone 0.0. */
    int USEFUL_TICKS = 3;

    /** The least plot length along this axis at which at least {@code count} of its ticks have room for their labels. */
    double lengthForTicks(Graphics2D g2, int count);
}
