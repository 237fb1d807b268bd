package org.verdict.core.stats;

/** A two-sided confidence interval. */
public record Interval(double lower, double upper) {
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
