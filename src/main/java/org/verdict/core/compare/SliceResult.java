package org.verdict.core.compare;

import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/**
 * Production vs candidate for one metric in one slice.
 * When {@link #verdict()} is {@link Verdict#UNAVAILABLE}, the numbers are null and {@link #unavailableReason()} says why.
 *
 * @param delta candidate − production (in the metric's own units; its sign does not say better or worse,
 *              {@link Metric#higherIsBetter()} does)
 * @param test the paired test used, e.g. {@code mcnemar-exact}, {@code mcnemar-chi2-cc}, {@code delong},
 *             {@code paired-bootstrap}
 * @param pValue unadjusted two-sided p-value of the paired test
 * @param adjustedP p-value adjusted for multiple comparisons across the slices; verdicts use this one
 *                  (null for slices outside the family: unavailable or below the minimum size)
 * @param note extra facts, e.g. how many examples mape skipped because their label is 0; else null
 */
public record SliceResult(
        SliceKey slice,
        int n,
        Metric metric,
        boolean primary,
        MetricEstimate production,
        MetricEstimate candidate,
        Double delta,
        Interval deltaCi,
        Double pValue,
        Double adjustedP,
        String test,
        Verdict verdict,
        String unavailableReason,
        String note) {

    /** Whether the numbers are there (a slice below the minimum size still shows its values when defined). */
    public boolean isAvailable() {
        return unavailableReason == null;
    }
}
