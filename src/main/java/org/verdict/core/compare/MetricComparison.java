package org.verdict.core.compare;

import org.verdict.core.pack.Metric;
import org.verdict.core.stats.DeltaInference;

/**
 * Production vs candidate for one metric on one set of examples, before families and verdicts.
 *
 * @param production null when the metric is undefined for production (then {@code unavailableReason} says why)
 * @param candidate null when the metric is undefined for the candidate
 * @param delta null unless both values are defined
 * @param inference the interval family and p-value of Δ; null when Δ is unavailable or unstable
 * @param unavailableReason why Δ is undefined (one or both values undefined); else null
 * @param unstableReason why Δ has no trustworthy interval although both values are defined; else null
 * @param note extra facts a reader needs, e.g. how many examples mape skipped because their label is 0
 * @param tooFewExamplesReason the parts of {@code unstableReason} where it is a model interval withheld for the
 *                             slice's size alone ({@link TooFewExamples}); else null
 * @param fewBlocks where Δ's interval rests on a few blocks, how few (its sentence is part of {@code note}); else null
 */
record MetricComparison(Metric metric, MetricEstimate production, MetricEstimate candidate, Double delta,
                        DeltaInference inference, String test, String unavailableReason, String unstableReason,
                        String note, TooFewExamplesReason tooFewExamplesReason, DeltaOnFewBlocks fewBlocks) {

    /** A comparison whose Δ, if it has an interval, does not rest on a few blocks. */
    MetricComparison(Metric metric, MetricEstimate production, MetricEstimate candidate, Double delta,
                     DeltaInference inference, String test, String unavailableReason, String unstableReason,
                     String note, TooFewExamplesReason tooFewExamplesReason) {
        this(metric, production, candidate, delta, inference, test, unavailableReason, unstableReason, note,
                tooFewExamplesReason, null);
    }

    /** A comparison whose unstable reason, if any, is not the slice's size alone. */
    MetricComparison(Metric metric, MetricEstimate production, MetricEstimate candidate, Double delta,
                     DeltaInference inference, String test, String unavailableReason, String unstableReason,
                     String note) {
        this(metric, production, candidate, delta, inference, test, unavailableReason, unstableReason, note, null);
    }

    static MetricComparison unavailable(Metric metric, String reason) {
        return new MetricComparison(metric, null, null, null, null, null, reason, null, null);
    }

    static MetricComparison tested(Metric metric, MetricEstimate production, MetricEstimate candidate,
                                   DeltaInference inference, String test, String note) {
        return new MetricComparison(metric, production, candidate, inference.estimate(), inference, test, null, null,
                note);
    }

    boolean isAvailable() {
        return unavailableReason == null;
    }
}
