package org.verdict.core.gates;

import org.verdict.core.compare.SliceResult;
import org.verdict.core.pack.Metric;

/**
 * The worse end of a result's interval of Δ against the policy's primary margin, as gate 1 reads the overall slice and
 * the Slices gate reads each slice shown worse: the lower bound when higher is better, else the upper; the margin a
 * share of production's value for the errors and scoring losses (mae, rmse, mape, log_loss, brier), whose 0.01 would
 * otherwise mean one cent on house prices, a third of a mape of 0.03, or three times a brier of 0.003 at a rare base
 * rate.
 *
 * @param end the interval's end on the candidate's worse side
 * @param limit the bound it is judged against: −margin when higher is better, +margin when lower is
 * @param withinMargin whether {@code end} is on the near side of {@code limit}
 * @param endAtBound whether {@code end} is the bound of what the candidate can have (Δ = −production's value for a
 *                   candidate at the metric's worst), set by the metric's range rather than measured
 */
record WorstCase(double end, double limit, boolean withinMargin, boolean higherIsBetter, boolean endAtBound) {

    /** {@code result} must have an interval of Δ. */
    static WorstCase of(SliceResult result, Metric metric, double margin) {
        double allowed = metric.relativeBand() ? margin * Math.abs(result.production().value()) : margin;
        boolean higherIsBetter = metric.higherIsBetter();
        double end = higherIsBetter ? result.deltaCi().lower() : result.deltaCi().upper();
        double limit = higherIsBetter ? -allowed : allowed;
        SliceResult.BoundEnds bound = result.boundEnds(result.deltaCi());
        boolean endAtBound = bound == SliceResult.BoundEnds.BOTH
                || bound == (higherIsBetter ? SliceResult.BoundEnds.LOWER : SliceResult.BoundEnds.UPPER);
        return new WorstCase(end, limit, higherIsBetter ? end >= limit : end <= limit, higherIsBetter, endAtBound);
    }

    /** How {@code end} compares with {@code limit}, as the sentence writes it between them: ≥, <, ≤ or >. */
    String comparison() {
        return higherIsBetter ? (withinMargin ? "≥" : "<") : (withinMargin ? "≤" : ">");
    }
}
