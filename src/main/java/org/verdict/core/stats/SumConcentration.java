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
 * <p>The units that carry half the sum ({@link #carryingHalf}, {@link #carriedShare}) are found when asked for, which
 * only a concentrated sum's description does: it takes a sort, which every slice's every sum would otherwise pay.
 */
public final class SumConcentration {

    /**
     * Fewer effective units than this make a studentized interval of the mean unstable: the same bound as the fewest
     * examples of a class an unweighted per-class average needs, and where, in the coverage benchmark's dollar errors,
     * the percentile interval of the same replicates covers at least as often as the studentized one.
     */
    public static final double MIN_EFFECTIVE_UNITS = 5;

    private final double[] contributions;
    private final double sum;
    private final double effectiveUnits;

    private SumConcentration(double[] contributions, double sum, double effectiveUnits) {
        this.contributions = contributions;
        this.sum = sum;
        this.effectiveUnits = effectiveUnits;
    }

    /** @param contributions each unit's contribution to the sum, each ≥ 0; kept, so not to be changed afterwards */
    public static SumConcentration of(double[] contributions) {
        double sum = 0;
        double squares = 0;
        for (double x : contributions) {
            sum += x;
            squares += x * x;
        }
        return new SumConcentration(contributions, sum, sum > 0 ? sum * sum / squares : 0);
    }

    /** The number of units. */
    public int units() {
        return contributions.length;
    }

    /** (Σx)² / Σx², at most {@link #units}; 0 when the sum is 0. */
    public double effectiveUnits() {
        return effectiveUnits;
    }

    /** The fewest units that together hold at least half of the sum (0 when the sum is 0). */
    public int carryingHalf() {
        return (int) largestHoldingHalf()[0];
    }

    /** The share of the sum the {@link #carryingHalf} units hold (0 when the sum is 0). */
    public double carriedShare() {
        return largestHoldingHalf()[1];
    }

    /** How many of the largest contributions reach half the sum, and what they hold. */
    private double[] largestHoldingHalf() {
        if (!(sum > 0)) {
            return new double[] {0, 0};
        }
        double[] descending = contributions.clone();
        Arrays.sort(descending);
        double held = 0;
        int carrying = 0;
        for (int i = descending.length - 1; i >= 0 && held < sum / 2; i--) {
            held += descending[i];
            carrying++;
        }
        return new double[] {carrying, held / sum};
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
        double[] carried = largestHoldingHalf();
        return described((int) carried[0], contributions.length, carried[1], units, ofWhat);
    }

    /**
     * {@link #describe} from numbers kept after the contributions are gone: "1 of 30 rows holds 70% of …".
     *
     * @param carrying {@link #carryingHalf}
     * @param count    {@link #units}
     * @param share    {@link #carriedShare}
     */
    public static String described(int carrying, int count, double share, String units, String ofWhat) {
        return String.format(Locale.ROOT, "%s of %s %s %s %.0f%% of %s", MetricFormat.count(carrying),
                MetricFormat.count(count), units, carrying == 1 ? "holds" : "hold", 100 * share, ofWhat);
    }
}
