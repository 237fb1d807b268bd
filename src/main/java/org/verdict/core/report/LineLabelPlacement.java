package org.verdict.core.report;

import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Where the label of a horizontal line across a plot (a policy's limit over time: "historical best 0.862 − margin
 * 0.020 = 0.842") stands, in the plot's pixels: along its line, just above or just below it, clear of every mark
 * given (points, whiskers, labels placed before). One rule for the approval pack's charts and the app's panes, which
 * place it again at their own width: fixed at the line's right end, p9's label covered the point of v39 below the
 * best, where the latest and best versions of a rising history stand.
 */
final class LineLabelPlacement {
    /** Air between the label and its line, and between the label and the plot's edges, px. */
    static final double GAP = 2;
    /** How far each try moves the label along the line, px. */
    private static final double STEP = 6;

    private LineLabelPlacement() {
    }

    /**
     * The label's box: at the right end of the line above it if that is clear, else below it, then further left a
     * step at a time (above, then below); where no place along the line is clear, the place that covers the fewest
     * marks, preferring the right end.
     *
     * @param lineY  the line's height in the plot, px
     * @param width  the label's width, px
     * @param height the label's height, px
     * @param plot   the data area the label stays inside
     * @param marks  the boxes the label must not cover
     */
    static Rectangle2D place(double lineY, double width, double height, Rectangle2D plot, List<Rectangle2D> marks) {
        Rectangle2D best = null;
        long fewest = Long.MAX_VALUE;
        double right = plot.getMaxX() - GAP;
        double leftmost = plot.getMinX() + GAP + width;
        for (double end = right; ; end = Math.max(leftmost, end - STEP)) {
            for (boolean above : new boolean[] {true, false}) {
                Rectangle2D box = new Rectangle2D.Double(end - width, above ? lineY - GAP - height : lineY + GAP,
                        width, height);
                if (box.getMinY() < plot.getMinY() || box.getMaxY() > plot.getMaxY()) {
                    continue;
                }
                long covered = marks.stream().filter(box::intersects).count();
                if (covered == 0) {
                    return box;
                }
                if (covered < fewest) {
                    fewest = covered;
                    best = box;
                }
            }
            if (end <= leftmost) {
                break;
            }
        }
        return best != null ? best : new Rectangle2D.Double(right - width, lineY - GAP - height, width, height);
    }
}
