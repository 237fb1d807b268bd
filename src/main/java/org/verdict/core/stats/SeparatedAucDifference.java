package org.verdict.core.stats;

/**
 * Δ roc_auc where one model's sample, or both, separates the classes perfectly (AUC 1 or 0). DeLong's variance of
 * that model's AUC is then 0, so DeLong's variance of Δ would be the other model's alone, as if the separating model's
 * AUC were known exactly — a Δ of −0.02 beside a production at 1 read "worse" although production's true AUC may well
 * be 0.98. Instead each model keeps its own interval ({@link AucInterval}: the exact {@link SeparationBound} for the
 * separating one) and the two are combined by MOVER (Zou &amp; Donner 2008), as for a difference of independent
 * estimates:
 * <pre>
 *   L = Δ − √((c − l_c)² + (u_p − p)²),   U = Δ + √((u_c − c)² + (p − l_p)²).
 * </pre>
 * The two estimates are paired, and treating them as independent leaves out their covariance, which for two models
 * scored on the same examples is positive and would narrow the interval: so the interval is conservative, never
 * narrower than the pairing allows. Its ends lie within [l_c − u_p, u_c − l_p], the Δs the two models' own intervals
 * allow. The p-value is its inversion: 2Φ(−z) at the critical value z at which the end nearer 0 reaches it (1 where
 * Δ is 0), so the interval excludes 0 at a level exactly when p is below 1 − level.
 */
public record SeparatedAucDifference(double productionAuc, double productionVariance, double candidateAuc,
                                     double candidateVariance, long positives, long negatives)
        implements DeltaInference {

    /** The name of the method in reports and JSON. */
    public static final String TEST = "mover-separation-bound";

    /**
     * Whether Δ needs this inference: a model that separates the classes perfectly has DeLong's variance 0, and each
     * model has an interval (a model that scores every example alike has none).
     */
    public static boolean applies(double productionAuc, double productionVariance, double candidateAuc,
                                  double candidateVariance, long positives, long negatives) {
        boolean separating = !(productionVariance > 0) && SeparationBound.separates(productionAuc)
                || !(candidateVariance > 0) && SeparationBound.separates(candidateAuc);
        return separating && AucInterval.of(productionAuc, productionVariance, positives, negatives, 0.95) != null
                && AucInterval.of(candidateAuc, candidateVariance, positives, negatives, 0.95) != null;
    }

    @Override
    public double estimate() {
        return candidateAuc - productionAuc;
    }

    @Override
    public Interval interval(double level) {
        return intervalAt(PairedTests.twoSidedCriticalValue(level));
    }

    private Interval intervalAt(double z) {
        Interval production = AucInterval.atCritical(productionAuc, productionVariance, positives, negatives, z);
        Interval candidate = AucInterval.atCritical(candidateAuc, candidateVariance, positives, negatives, z);
        double lower = estimate() - Math.hypot(candidateAuc - candidate.lower(), production.upper() - productionAuc);
        double upper = estimate() + Math.hypot(candidate.upper() - candidateAuc, productionAuc - production.lower());
        return new Interval(lower, upper);
    }

    @Override
    public double pValue() {
        return estimate() == 0 ? 1.0 : PairedTests.pValueOfWideningInterval(this::intervalAt);
    }
}
