package org.verdict.core.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The studentized bootstrap ("bootstrap-t", Efron &amp; Tibshirani 1993, §12.5) of one model's value on a transformed
 * scale: each replicate gives t* = (h(θ*) − h(θ̂)) / SE*, and the interval is h(θ̂) − t*_(1−α/2)·SE … h(θ̂) −
 * t*_(α/2)·SE, mapped back to the metric's scale. The t* quantiles replace the normal ones, so a skewed statistic —
 * the mean of squared dollar errors, dominated by a few gross errors — gets the long upper arm its sampling
 * distribution has, which a percentile interval (73–80 % coverage for rmse at 50 rows) does not. SE and SE* are
 * delta-method or jackknife standard errors on the same scale ({@link BlockResampler#standardError}).
 */
public final class StudentizedBootstrap {

    /** The scale the interval is built on; the metric's value must lie where the transform is finite. */
    public enum Scale {
        /** log θ, for positive errors and losses (mae, rmse, mape, log_loss). */
        LOG(Math::log, Math::exp),
        /** log(θ / (1 − θ)), for a mean of losses that lie in [0, 1] (brier): its interval stays below 1. */
        LOGIT(x -> Math.log(x / (1 - x)), h -> 1 / (1 + Math.exp(-h))),
        /** log(1 − θ), for r2 = 1 − SSE/SST: the log of the ratio SSE/SST. */
        LOG_OF_COMPLEMENT(x -> Math.log(1 - x), h -> 1 - Math.exp(h));

        private final DoubleUnaryOperator forward;
        private final DoubleUnaryOperator back;

        Scale(DoubleUnaryOperator forward, DoubleUnaryOperator back) {
            this.forward = forward;
            this.back = back;
        }

        /** The metric's value on this scale (NaN or infinite outside its domain). */
        public double of(double value) {
            return forward.applyAsDouble(value);
        }

        double back(double transformed) {
            return back.applyAsDouble(transformed);
        }
    }

    /**
     * A studentized interval more than this many times as wide as the percentile interval of the same replicates, both
     * on the interval's scale, is unstable: its width comes from replicates whose own standard error SE* collapsed
     * (they missed the few rows that carry the sum), not from the sample's skew. Kish's effective rows
     * ({@link SumConcentration}) catch most such samples; this catches those just above its bound and the absolute
     * errors, whose sums are rarely that concentrated. Chosen by simulation with known truth (docs/statistics.md, "When
     * a few rows carry the mean").
     */
    public static final double MAX_WIDTH_RATIO = 1.5;

    /**
     * {@link #MAX_WIDTH_RATIO} for a mean of absolute errors, which are far less skewed than squared ones, so the
     * studentized interval's own skew correction is smaller: in the same simulation 1.3 removed 70–100 % of mae's
     * intervals that ran past twice the value at no cost in coverage, where 1.5 removed 30–45 %.
     */
    public static final double MAX_WIDTH_RATIO_OF_ABSOLUTE_ERRORS = 1.3;

    /**
     * Below this standard error on the (log) scale, a relative one, the values differ by rounding only: no interval
     * ({@link RoundingSpread}).
     */
    private static final double NO_SPREAD = RoundingSpread.RELATIVE;

    private final Scale scale;
    private final double value;
    private final double estimate;
    private final double standardError;
    /** Each replicate's t*, by its number; NaN where undefined or not added. */
    private final double[] studentized;

    /**
     * @param estimate the metric's value (on its own scale)
     * @param standardError the standard error of {@code scale.of(estimate)}
     * @param replicates how many replicates there are
     */
    public StudentizedBootstrap(Scale scale, double estimate, double standardError, int replicates) {
        this.scale = scale;
        this.value = estimate;
        this.estimate = scale.of(estimate);
        this.standardError = standardError;
        this.studentized = new double[replicates];
        java.util.Arrays.fill(studentized, Double.NaN);
    }

    /**
     * Replicate number {@code replicate}: its value (metric scale) and the standard error of its transformed value;
     * undefined ones are skipped. Replicates may come in any order, from several threads, each one once.
     */
    public void add(int replicate, double replicateValue, double replicateStandardError) {
        double t = (scale.of(replicateValue) - estimate) / replicateStandardError;
        studentized[replicate] = Double.isFinite(t) ? t : Double.NaN;
    }

    /**
     * The interval this bootstrap tends to where its t* quantiles are Student's — where the units' skew moves them by
     * less than their own Monte-Carlo error ({@link SkewCorrection}): h(θ̂) ± t(df)·SE on the scale, mapped back, the
     * delta-method interval of the transformed value. Null under the same conditions as {@link #interval}'s.
     *
     * @param estimate the metric's value (on its own scale)
     * @param standardError the standard error of {@code scale.of(estimate)}, as the bootstrap would be given
     */
    public static Interval tInterval(Scale scale, double estimate, double standardError, double degreesOfFreedom,
                                     double level) {
        double transformed = scale.of(estimate);
        if (!Double.isFinite(transformed) || !(standardError > NO_SPREAD) || !Double.isFinite(standardError)) {
            return null;
        }
        double half = new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 2)
                * standardError;
        double a = scale.back(transformed - half);
        double b = scale.back(transformed + half);
        return new Interval(Math.min(estimate, Math.min(a, b)), Math.max(estimate, Math.max(a, b)));
    }

    /**
     * How many times as wide {@code studentized} is as {@code percentile} on this bootstrap's scale (log θ, logit θ,
     * log(1 − θ)); NaN when either is missing or the percentile interval has no width there.
     */
    public double widthRatio(Interval studentized, Interval percentile) {
        if (studentized == null || percentile == null) {
            return Double.NaN;
        }
        double reference = Math.abs(scale.of(percentile.upper()) - scale.of(percentile.lower()));
        double width = Math.abs(scale.of(studentized.upper()) - scale.of(studentized.lower()));
        return reference > 0 && Double.isFinite(reference) ? width / reference : Double.NaN;
    }

    /**
     * The interval at {@code level}, on the metric's scale. It contains the estimate (the t* quantiles are widened
     * to 0 should both fall on one side, which only a degenerate replicate set does). Null when the estimate is not
     * finite on the scale, its standard error is not finite or is below 1e-9 (values that differ by rounding only),
     * or fewer than half the replicates are defined.
     */
    public Interval interval(double level) {
        ResampledDistribution t = new ResampledDistribution(studentized);
        if (!Double.isFinite(estimate) || !(standardError > NO_SPREAD) || !Double.isFinite(standardError)
                || t.defined() < Math.max(2, studentized.length / 2)) {
            return null;
        }
        Interval quantiles = t.percentileInterval(level);
        double a = scale.back(estimate - Math.max(0, quantiles.upper()) * standardError);
        double b = scale.back(estimate - Math.min(0, quantiles.lower()) * standardError);
        // the value itself, not its round trip through the scale, bounds the interval
        return new Interval(Math.min(value, Math.min(a, b)), Math.max(value, Math.max(a, b)));
    }
}
