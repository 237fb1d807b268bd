package org.verdict.core.stats;

/**
 * The inference about Δ = candidate − production for one metric in one slice: a family of confidence intervals
 * indexed by level and the two-sided p-value of Δ = 0 obtained by inverting the same family, so that for every level
 * the interval excludes 0 exactly when p &lt; 1 − level. That equivalence is what lets a multiplicity-adjusted verdict
 * and the interval shown beside it never disagree (docs/statistics.md, "Verdicts").
 */
public interface DeltaInference {

    /** The estimate of Δ; inside every interval. */
    double estimate();

    /** Two-sided p-value of the hypothesis Δ = 0, the inversion of {@link #interval}. */
    double pValue();

    /** The interval of Δ at the given confidence level, e.g. 0.95, or 1 − 0.05/12 for a Bonferroni step. */
    Interval interval(double level);
}
