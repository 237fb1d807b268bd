package org.verdict.core.pack;

/**
 * Which slice limit a pack went beyond ({@link PackLimits}): so the app can offer to count the values and open the
 * pack with a higher one, as {@code --max-slice-values} or {@code --max-slices} do on the command line.
 *
 * @param column the slice column with more distinct values than {@link PackLimits#maxValuesPerSliceColumn()}, or
 *               null when the slice values of all columns together went beyond {@link PackLimits#maxSliceValues()}
 * @param limit  the limit that was in force
 */
public record SliceLimitExceeded(String column, int limit) {
    public boolean perColumn() {
        return column != null;
    }
}
