package org.verdict.core.stats;

/**
 * A two-sided confidence interval.
 *
 * @param lowerAtBound the lower end is a bound of what the quantity can be, not measured: Δ's interval cut where
 *                     production's own interval says the candidate would pass the metric's range
 *                     ({@link ProductionBoundedDifference}); views mark such an end
 * @param upperAtBound the same for the upper end
 */
public record Interval(double lower, double upper, boolean lowerAtBound, boolean upperAtBound) {
    public Interval(double lower, double upper) {
        this(lower, upper, false, false);
    }

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
