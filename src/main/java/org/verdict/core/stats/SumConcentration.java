package org.verdict.core.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * How few of a slice's resampled units (rows, or blocks of rows) carry a sum of non-negative contributions — squared
 * errors, absolute errors, log losses. The measure is Kish's effective number of units, (Σx)² / Σx²: n when every unit
 * contributes alike, about 1/s² when one unit holds a share s of the sum.
 *
 * <p>It decides whether a studentized bootstrap ({@link StudentizedBootstrap}) of a mean can be trusted. When a few units
 * carry the sum, every replicate's value and its own standard error SE* both hinge on how many copies of those units it
 * drew: a replicate without them (each is missing from 37 % of replicates) has a far smaller value and a far smaller
 * SE*, so its t* = (h(θ*) − h(θ̂)) / SE* is large and the interval's far arm, h(θ̂) − t*·SE with the full sample's
 * large SE, runs to many times the value. The t* distribution is then a mixture over those few units, not a pivot —
 * the known weakness of the bootstrap-t in small, skewed samples, whose variance estimate is as erratic as the
 * statistic (Efron &amp; Tibshirani 1993, §12.5–12.6; DiCiccio &amp; Efron 1996; Hall 1992, §3.10). Below
 * {@link #MIN_EFFECTIVE_UNITS} the slice's own rows cannot support it (measured in docs/statistics.md).
 *
 * @param units the number of units
 * @param effectiveUnits (Σx)² / Σx², at most {@code units}; 0 when the sum is 0
 * @param carryingHalf the fewest units that together hold at least half of the sum
 * @param carriedShare the share of the sum those units hold
 */
public record SumConcentration(int units, double effectiveUnits, int carryingHalf, double carriedShare) {

    /**
     * Fewer effective units than this make a studentized interval of the mean unstable: the same bound as the fewest
     * examples of a class an unweighted per-class average needs, and where, in the coverage benchmark's dollar errors,
     * the percentile interval of the same replicates covers at least as often as the studentized one.
     */
    public static final double MIN_EFFECTIVE_UNITS = 5;

    /** @param contributions each unit's contribution to the sum, each ≥ 0 */
    public static SumConcentration of(double[] contributions) {
        double sum = 0;
        double squares = 0;
        for (double x : contributions) {
            sum += x;
            squares += x * x;
        }
        if (!(sum > 0)) {
            return new SumConcentration(contributions.length, 0, 0, 0);
        }
        double[] descending = contributions.clone();
        Arrays.sort(descending);
        double held = 0;
        int carrying = 0;
        for (int i = descending.length - 1; i >= 0 && held < sum / 2; i--) {
            held += descending[i];
            carrying++;
        }
        return new SumConcentration(contributions.length, sum * sum / squares, carrying, held / sum);
    }

    /** Whether a few units carry the sum, so that a studentized interval of its mean is unstable. */
    public boolean concentrated() {
        return effectiveUnits < MIN_EFFECTIVE_UNITS;
    }

    /**
     * e.g. "1 of 30 rows holds 70% of production's squared error".
     *
     * @param units what the units are, plural ("rows", "blocks of rows")
     * @param ofWhat what the sum is ("production's squared error")
     */
    public String describe(String units, String ofWhat) {
        return String.format(Locale.ROOT, "%s of %s %s %s %.0f%% of %s", MetricFormat.count(carryingHalf),
                MetricFormat.count(this.units), units,
                carryingHalf == 1 ? "holds" : "hold", 100 * carriedShare, ofWhat);
    }
}
