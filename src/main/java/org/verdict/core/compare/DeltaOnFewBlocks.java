package org.verdict.core.compare;

import java.util.Locale;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.stats.SumConcentration;

/**
 * Why a regression metric's Δ has a wider interval than k − 1 degrees of freedom would give it: fewer than
 * {@link SumConcentration#MIN_EFFECTIVE_UNITS} effective blocks carry the variance of Δ's errors, so its interval takes
 * Student's t on the degrees of freedom matching the blocks' kurtosis (docs/statistics.md, "Δ where a few rows carry
 * the errors"). Said in full where there is room, {@link #sentence} (compare's notes, tooltips), and in a few words
 * where a line has little, {@link #brief} (a gate's line, a table cell): both from these numbers.
 *
 * @param carrying         the fewest blocks that hold at least half of that variance
 * @param blocks           the slice's resampled units
 * @param carriedShare     the share of the variance the {@code carrying} blocks hold
 * @param units            what the resampled units are, plural: "rows", or "blocks of rows"
 * @param errors           the errors Δ is a difference of the means of, plural: "squared errors"
 * @param degreesOfFreedom the degrees of freedom of Δ's t, fewer than {@code blocks} − 1
 */
public record DeltaOnFewBlocks(int carrying, int blocks, double carriedShare, String units, String errors,
                               double degreesOfFreedom) {

    /**
     * "2 of 300 blocks of rows hold 56% of the variance of Δ's squared errors, so Δ's interval takes Student's t on
     * 8.0 degrees of freedom, not 299: it rests on those blocks of rows, and more blocks of rows like them would settle
     * it".
     */
    public String sentence() {
        return String.format(Locale.ROOT,
                "%s, so Δ's interval takes Student's t on %.1f degrees of freedom, not %d: it rests on those %s,"
                        + " and more %s like them would settle it",
                SumConcentration.described(carrying, blocks, carriedShare, units, "the variance of Δ's " + errors),
                degreesOfFreedom, blocks - 1, units, units);
    }

    /** "rests on 2 of 300 blocks of rows: t on ν 8.0, not 299", said of Δ's interval. */
    public String brief() {
        return String.format(Locale.ROOT, "rests on %s of %s %s: t on ν %.1f, not %d", MetricFormat.count(carrying),
                MetricFormat.count(blocks), units, degreesOfFreedom, blocks - 1);
    }
}
