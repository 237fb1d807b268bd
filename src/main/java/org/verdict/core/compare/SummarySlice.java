package org.verdict.core.compare;

import java.util.Arrays;
import org.verdict.core.stats.RankingSums;

/**
 * One slice given by its sufficient statistics instead of its rows (a summary pack, computed where the data lives).
 *
 * <p>{@code cells}: classification only, the paired counts of (label, production prediction, candidate prediction),
 * index (label · k + production) · k + candidate with k the number of classes; null for regression.
 *
 * <p>{@code blocks}: the slice's non-empty bootstrap blocks (rows dealt into blocks by a hash of their id), each the
 * sum over its rows of one vector: for regression {@code |e|} p, c; {@code e²} p, c; {@code |e|/|y|} p, c (y ≠ 0);
 * y ≠ 0; y − centre; (y − centre)²; 1 (see {@link #REGRESSION_WIDTH}); for binary tasks with scores log loss p, c;
 * brier p, c; the calibration sums of p, then of c ({@code Calibration.addExample}); 1 ({@link #CALIBRATION_WIDTH}). Null for
 * multiclass, and for binary packs without scores.
 *
 * <p>{@code ranking}: binary tasks with scores, both models' placement and influence sums on binned scores (roc_auc by
 * DeLong, pr_auc by its influence function); null when the pack holds none for this slice, and then
 * {@code rankingMissing} says why.
 *
 * @param n the slice's number of examples
 */
public record SummarySlice(SliceKey slice, int n, long[] cells, double[][] blocks, RankingSums ranking,
                           String rankingMissing) {
    public static final int REGRESSION_WIDTH = SliceAnalysis.REGRESSION_WIDTH;
    public static final int CALIBRATION_WIDTH = SliceAnalysis.CALIBRATION_WIDTH;

    public SummarySlice {
        if (blocks != null && blocks.length == 0) {
            throw new IllegalArgumentException("a slice with block sums needs at least one non-empty block");
        }
        cells = cells == null ? null : cells.clone();
        blocks = blocks == null ? null : Arrays.stream(blocks).map(double[]::clone).toArray(double[][]::new);
    }

    /** A slice without ranking sums. */
    public SummarySlice(SliceKey slice, int n, long[] cells, double[][] blocks) {
        this(slice, n, cells, blocks, null, "this summary pack holds no ranking sums, so %s needs"
                + " them: summarise the rows again with ranking (duckdb without --no-ranking; import with --ranking-sums"
                + " DIR, the SQL's ranking sums query)");
    }
}
