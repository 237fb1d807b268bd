package org.verdict.core.stats;

import java.util.function.DoubleFunction;

/**
 * Δ of a bounded metric kept within what production's own interval allows: the true Δ = candidate − production lies in
 * [lowest − production, highest − production] (the candidate's value within the metric's range), and production's
 * true value lies in its own interval [L, U] at the same level, so Δ's interval is cut at lowest − U below and
 * highest − L above. An interval of Δ is bounded by the metric's range, not by production's room (the agreement bound
 * of two models scoring a slice alike gave Δ f1 [−1, +1] beside production's f1 of 0, whose own interval at that
 * level ends at 0.958). The cut is at production's bound, not at its estimate, so it
 * guesses nothing: it misses only where production's true value is above U by more than the candidate's true value
 * (below its lowest by as much, for the upper end), rarer than production's own miss (docs/statistics.md, "Δ of a
 * bounded metric can pass 1 − production's estimate").
 *
 * <p>The test and the p-value are the wrapped inference's. U ≥ production's estimate, so lowest − U ≤ Δ's estimate and
 * lowest − U ≤ 0 (and highest − L ≥ both): the cut never moves an end toward 0 past the estimate, and an interval
 * excludes 0 exactly when it did before, at every level. An end that was cut says so ({@link Interval#lowerAtBound()}),
 * so every view can mark it.
 *
 * @param difference the inference whose test this keeps and whose interval it cuts
 * @param production production's interval at a level (the same level as Δ's)
 * @param lowest the metric's lowest value
 * @param highest the metric's highest value
 */
public record ProductionBoundedDifference(DeltaInference difference, DoubleFunction<Interval> production,
                                          double lowest, double highest) implements DeltaInference {

    @Override
    public double estimate() {
        return difference.estimate();
    }

    @Override
    public double pValue() {
        return difference.pValue();
    }

    @Override
    public Interval interval(double level) {
        Interval delta = difference.interval(level);
        Interval own = production.apply(level);
        if (own == null) {
            return delta;
        }
        double floor = lowest - own.upper();
        double ceiling = highest - own.lower();
        // an end within rounding of the bound is the difference's own (Tango's interval of two models without a
        // false positive ends at −z²/(n + z²), Wilson's upper end of 0 of n): neither moved nor marked
        boolean lowerCut = delta.lower() < floor - 1e-9 * Math.max(1, Math.abs(floor));
        boolean upperCut = delta.upper() > ceiling + 1e-9 * Math.max(1, Math.abs(ceiling));
        return new Interval(lowerCut ? floor : delta.lower(), upperCut ? ceiling : delta.upper(),
                lowerCut || delta.lowerAtBound(), upperCut || delta.upperAtBound());
    }
}
