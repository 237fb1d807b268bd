package org.verdict.core.stats;

/**
 * A spread that rounding alone can make. A sum of n doubles carries a relative rounding error of up to about n·ε
 * (ε = 2.2e-16), about 1e-9 at ten million rows, so a standard error or an interval's width below 1e-9 of the magnitude
 * of the values it came from tells no more than a spread of 0: the values differ by rounding only, and an interval
 * of that width would claim that an estimated quantity is known exactly (docs/statistics.md, "No zero-width
 * intervals").
 */
public final class RoundingSpread {
    /** The largest relative spread rounding alone makes. */
    public static final double RELATIVE = 1e-9;

    private RoundingSpread() {
    }

    /** Whether {@code spread} (a standard error or a width) is within rounding of 0 beside {@code magnitude}. */
    public static boolean negligible(double spread, double magnitude) {
        return !(spread > RELATIVE * Math.abs(magnitude));
    }

    /** Whether the interval's width is within rounding of 0 beside its ends. */
    public static boolean negligible(Interval interval) {
        return negligible(interval.upper() - interval.lower(),
                Math.max(Math.abs(interval.lower()), Math.abs(interval.upper())));
    }
}
