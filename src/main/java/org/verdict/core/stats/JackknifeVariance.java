package org.verdict.core.stats;

/**
 * A jackknife variance and the degrees of freedom of the t reference that goes with it.
 *
 * <p>{@link #stratified}: the stratified jackknife (Wolter 2007, ch. 4). Each unit is left out once, and each
 * stratum's leave-one-out values vary about their own stratum's mean: v = Σ_h v_h with
 * v_h = (n_h − 1)/n_h · Σ_{j in h} (θ₍₋ⱼ₎ − θ̄_h)². Its degrees of freedom are Satterthwaite's for a sum of parts each
 * estimated on n_h − 1, ν = v² / Σ_h v_h²/(n_h − 1), as Johnson &amp; Rust (1992) apply them to the jackknife of
 * stratified samples. For a mean of the strata's means these are exactly Welch's variance and degrees of freedom of a
 * k-sample mean; where one small stratum carries most of the variance, ν falls towards its n_h − 1.
 *
 * @param variance NaN with fewer than 2 defined units (in every stratum, for the stratified one)
 * @param degreesOfFreedom NaN when the stratified variance is not positive
 */
public record JackknifeVariance(double variance, double degreesOfFreedom) {

    /**
     * The plain jackknife ({@link ResampledDistribution#jackknifeVariance}) with n − 1 degrees of freedom, n the
     * defined units.
     */
    public static JackknifeVariance plain(double[] leaveOneOut, long[] weights) {
        long units = 0;
        for (int j = 0; j < leaveOneOut.length; j++) {
            units += Double.isNaN(leaveOneOut[j]) ? 0 : weights[j];
        }
        return new JackknifeVariance(ResampledDistribution.jackknifeVariance(leaveOneOut, weights), units - 1);
    }

    /**
     * @param leaveOneOut the statistic without one unit of each group of units ({@code weights[j]} units share value j);
     *                    undefined (NaN) values are left out
     * @param stratum     the stratum of each value, 0 … strata − 1
     */
    public static JackknifeVariance stratified(double[] leaveOneOut, long[] weights, int[] stratum, int strata) {
        double[] units = new double[strata];
        double[] means = new double[strata];
        for (int j = 0; j < leaveOneOut.length; j++) {
            if (!Double.isNaN(leaveOneOut[j])) {
                units[stratum[j]] += weights[j];
                means[stratum[j]] += weights[j] * leaveOneOut[j];
            }
        }
        double[] parts = new double[strata];
        for (int j = 0; j < leaveOneOut.length; j++) {
            int h = stratum[j];
            if (!Double.isNaN(leaveOneOut[j])) {
                double deviation = leaveOneOut[j] - means[h] / units[h];
                parts[h] += weights[j] * deviation * deviation;
            }
        }
        double variance = 0;
        double squaredPartsOverDf = 0;
        boolean estimable = false;
        for (int h = 0; h < strata; h++) {
            if (units[h] < 2) {
                continue;
            }
            estimable = true;
            parts[h] *= (units[h] - 1) / units[h];
            variance += parts[h];
            squaredPartsOverDf += parts[h] * parts[h] / (units[h] - 1);
        }
        if (!estimable) {
            return new JackknifeVariance(Double.NaN, Double.NaN);
        }
        return new JackknifeVariance(variance, variance > 0 ? variance * variance / squaredPartsOverDf : Double.NaN);
    }
}
