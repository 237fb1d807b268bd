package org.verdict.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The inference about Δ between two paired means of non-negative contributions — absolute, squared or relative
 * errors — made on their ratio ρ = candidate / production, so that no interval reaches a value the data cannot have
 * (a negative candidate rmse, a candidate r2 above 1). The ratio is at least 0 whatever the two (unknown) means are;
 * a difference is bounded below by −production, which is unknown, so an interval of the difference alone (mean ± t·SE)
 * reaches below it where a few rows carry production's sum (Δ rmse [−77,186, +49,448] beside a production rmse of
 * 45,952).
 *
 * <p>The test is the paired t-test of the difference, T = (a − b) / SE(a − b), with a and b the candidate's and
 * production's means (for rmse and r2 the squared errors: Diebold &amp; Mariano 1995 with squared loss), unchanged.
 * Each end of the interval inverts that statistic one-sided at level (1 + L)/2:
 * <ul>
 *   <li>the end where the candidate is better: the lower of two bounds, kept at or above ρ = 0 (a candidate without
 *       error): Fieller's (1954) lower confidence bound of ρ, the smallest ρ ≥ 0 with (a − ρb) / SE(a − ρb) ≤ t,
 *       SE² = V_aa − 2ρV_ab + ρ²V_bb, and the difference's own bound a − b − t·SE(a − b), as ρ = that / b + 1. Fieller's
 *       alone, mapped to Δ with production's estimate as if it were known, was too narrow where a − ρb varies little
 *       (a candidate's error a fixed 1.2 times production's: the interval ended at its estimate); the difference's
 *       bound is the paired t-interval's, so the lower of the two covers at least as often. At ρ = 1 both are T
 *       itself;</li>
 *   <li>the end where the candidate is worse: the difference's own bound, a − b + t·SE(a − b), as ρ = that / b + 1.
 *       Fieller's upper bound there is infinite whenever production's mean is not significantly above 0 at the level
 *       (13 of the 28 neighbourhoods of a house-price pack at a Holm level of 99.8 %), where the difference still
 *       bounds how much worse the candidate can be.</li>
 * </ul>
 * Each one-sided bound holds with probability (1 + L)/2, so the two-sided interval with probability L (Bonferroni
 * over the two sides), and both are the same statistic at ρ = 1: the interval at level L excludes ρ = 1 — Δ = 0 —
 * exactly when p &lt; 1 − L, the rule a multiplicity-adjusted verdict needs ({@link DeltaInference}). The ratio's
 * bounds are shown in the metric's units with production's value, Δ = production × (ρ − 1) (or the metric's own map,
 * {@link Form}); the variances are bootstrap variances of the two replicated means and their covariance over k
 * resampled units, times k/(k − 1), with t on k − 1 degrees of freedom, as {@link WaldDifference#bootstrap}.
 *
 * @param candidateMean a, the candidate's mean contribution, at least 0
 * @param productionMean b, production's mean contribution, &gt; 0
 * @param candidateVariance V_aa, the variance of a
 * @param productionVariance V_bb, the variance of b
 * @param covariance V_ab
 * @param degreesOfFreedom of the t reference
 * @param form how a ratio of the means maps to Δ of the metric
 * @param productionValue production's value of the metric (its mae, rmse, r2, ...)
 */
public record PairedMeanRatio(double candidateMean, double productionMean, double candidateVariance,
                              double productionVariance, double covariance, double degreesOfFreedom, Form form,
                              double productionValue) implements DeltaInference {

    /** How the metric follows from the ratio ρ of the means, as Δ = f(ρ) with f(1) = 0. */
    public enum Form {
        /** The metric is the mean (mae, mape, log loss): Δ = production × (ρ − 1). */
        MEAN,
        /** The metric is the root of the mean (rmse of the squared errors): Δ = production × (√ρ − 1). */
        ROOT_OF_MEAN,
        /** The metric is 1 − mean / constant (r2 = 1 − SSE/SST, the labels' SST shared): Δ = (1 − production) × (1 − ρ). */
        ONE_MINUS_MEAN;

        double delta(double ratio, double productionValue) {
            return switch (this) {
                case MEAN -> productionValue * (ratio - 1);
                case ROOT_OF_MEAN -> productionValue * (Math.sqrt(ratio) - 1);
                case ONE_MINUS_MEAN -> (1 - productionValue) * (1 - ratio);
            };
        }
    }

    public PairedMeanRatio {
        if (!(productionMean > 0) || !(candidateMean >= 0)) {
            throw new IllegalArgumentException("a ratio of means needs production's mean above 0 and the candidate's at "
                    + "least 0, got " + productionMean + " and " + candidateMean);
        }
        if (!(differenceVariance(candidateVariance, productionVariance, covariance) > 0)) {
            throw new IllegalArgumentException("the difference of the means needs a positive variance");
        }
        if (!(degreesOfFreedom >= 1)) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + degreesOfFreedom);
        }
    }

    /**
     * From paired bootstrap replicates of the two means over {@code units} resampled units (replicates where either is
     * NaN are left out), t on {@code degreesOfFreedom} (at most units − 1); null when the difference has no spread.
     */
    public static PairedMeanRatio bootstrap(double candidateMean, double productionMean, double[] candidateReplicates,
                                            double[] productionReplicates, int units, double degreesOfFreedom,
                                            Form form, double productionValue) {
        double sumA = 0;
        double sumB = 0;
        int count = 0;
        for (int i = 0; i < candidateReplicates.length; i++) {
            if (!Double.isNaN(candidateReplicates[i]) && !Double.isNaN(productionReplicates[i])) {
                sumA += candidateReplicates[i];
                sumB += productionReplicates[i];
                count++;
            }
        }
        if (count < 2 || units < 2) {
            return null;
        }
        double meanA = sumA / count;
        double meanB = sumB / count;
        double aa = 0;
        double bb = 0;
        double ab = 0;
        for (int i = 0; i < candidateReplicates.length; i++) {
            if (!Double.isNaN(candidateReplicates[i]) && !Double.isNaN(productionReplicates[i])) {
                double da = candidateReplicates[i] - meanA;
                double db = productionReplicates[i] - meanB;
                aa += da * da;
                bb += db * db;
                ab += da * db;
            }
        }
        // the plug-in variance the bootstrap estimates is (k − 1)/k of the unbiased one; replicates' own n − 1
        double scale = (double) units / (units - 1) / (count - 1);
        if (!(differenceVariance(aa * scale, bb * scale, ab * scale) > 0) || !(productionMean > 0)) {
            return null;
        }
        return new PairedMeanRatio(candidateMean, productionMean, aa * scale, bb * scale, ab * scale,
                Math.min(units - 1, degreesOfFreedom), form, productionValue);
    }

    private static double differenceVariance(double aa, double bb, double ab) {
        return aa + bb - 2 * ab;
    }

    /** The standard error of a − ρb. */
    private double standardError(double ratio) {
        return Math.sqrt(Math.max(0, candidateVariance - 2 * ratio * covariance
                + ratio * ratio * productionVariance));
    }

    /** The ratio of the means, a / b. */
    public double ratio() {
        return candidateMean / productionMean;
    }

    @Override
    public double estimate() {
        return form.delta(ratio(), productionValue);
    }

    @Override
    public double pValue() {
        double t = Math.abs(candidateMean - productionMean) / standardError(1);
        // the lower tail directly: 1 − CDF(t) would cancel to 0 for the tiny p-values a Holm family needs
        return Math.min(1.0, 2 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(-t));
    }

    /** The interval of the ratio ρ at the level (see the class comment); its lower end is at least 0. */
    public Interval ratioInterval(double level) {
        double t = new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 2);
        double differenceError = t * standardError(1);
        double upper = (candidateMean + differenceError) / productionMean;
        // the difference's own bound a − b − t·SE(a − b) as a ratio: Fieller's alone maps back to Δ as if production's
        // mean were known, too narrow where a − ρb varies little (it ends at the estimate when a = 1.2·b exactly)
        double lower = Math.min(fiellerLowerBound(t), (candidateMean - differenceError) / productionMean);
        return new Interval(Math.max(0, lower), Math.max(ratio(), upper));
    }

    /**
     * Fieller's lower bound: where g(ρ) = a − ρb − t·SE(a − ρb) &gt; 0 the ratio ρ is rejected as too small. g is concave
     * (SE is a norm of (1, −ρ)) and negative at ρ = a/b. Where g(0) &gt; 0 it crosses 0 once in (0, a/b), the bound.
     * Where g(0) ≤ 0 (the candidate's mean is not itself above 0 at this level) the set {g ≤ 0} holds ρ = 0 and, should
     * g be positive at ρ = 1, a second piece above it: the bound is then that piece's lower end, the piece that holds
     * the estimate, so the interval excludes ρ = 1 exactly when the test rejects it; otherwise 0.
     */
    private double fiellerLowerBound(double t) {
        if (gap(0, t) > 0) {
            return crossing(0, t);
        }
        return ratio() > 1 && gap(1, t) > 0 ? crossing(1, t) : 0;
    }

    private double gap(double ratio, double t) {
        return candidateMean - ratio * productionMean - t * standardError(ratio);
    }

    /** The ρ in (from, a/b) where g falls to 0, g(from) &gt; 0; the returned value keeps g &gt; 0. */
    private double crossing(double from, double t) {
        double below = from;
        double above = ratio();
        for (int i = 0; i < 200 && above - below > 1e-15 * above; i++) {
            double middle = (below + above) / 2;
            if (gap(middle, t) > 0) {
                below = middle;
            } else {
                above = middle;
            }
        }
        return below;
    }

    @Override
    public Interval interval(double level) {
        Interval ratios = ratioInterval(level);
        double a = form.delta(ratios.lower(), productionValue);
        double b = form.delta(ratios.upper(), productionValue);
        return new Interval(Math.min(a, b), Math.max(a, b));
    }
}
