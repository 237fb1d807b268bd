package org.verdict.core.compare;

import java.math.BigDecimal;
import org.verdict.core.pack.Metric;

/**
 * The band of "no significant difference" of the pack's primary metric when it comes from the gate policy rather
 * than from E: the primary margin, so that Compare and the primary-metric gate read the overall interval alike
 * (with E = 0.05, Compare called a Δ of [−0.034, +0.004] "no significant difference" where the gate, at a margin of
 * 0.01, could neither rule out nor show a loss beyond the margin).
 *
 * @param metric the primary metric the band applies to (every other metric keeps ±E)
 * @param margin the policy's primary margin, in its convention: a share of production's value for the regression
 *               errors and scoring losses (mae, rmse, mape, log_loss, brier; {@link Metric#relativeBand()}), else
 *               the metric's own units (squared units for sq_calibration_error)
 * @param origin where it came from, for the legend: "the policy's primary margin"
 */
public record PrimaryBand(Metric metric, double margin, String origin) {
    public PrimaryBand {
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("a primary band is a finite margin of at least 0, got " + margin);
        }
    }

    /** The primary margin of a policy file, or of the default policy when the pack names none. */
    public static PrimaryBand ofPolicy(Metric metric, double margin, boolean defaultPolicy) {
        return new PrimaryBand(metric, margin, defaultPolicy ? "the default policy's primary margin"
                : "the policy's primary margin");
    }

    /** ±band around 0 at production's value: the margin read as the primary gate reads it. */
    public double band(double productionValue) {
        return metric.relativeBand() ? margin * Math.abs(productionValue) : margin;
    }

    /** "±0.01" or "±1% of production's value": the band as the policy writes it. */
    public String text() {
        return text(metric, margin);
    }

    /**
     * A band or margin of {@code metric} as the policy and {@code --effect} write it: "±1% of production's value"
     * where it is a share of production's value, else "±0.01" in the metric's units.
     */
    public static String text(Metric metric, double margin) {
        BigDecimal plain = BigDecimal.valueOf(margin);
        return metric.relativeBand()
                ? "±" + plain.movePointRight(2).stripTrailingZeros().toPlainString() + "% of production's value"
                : "±" + plain.stripTrailingZeros().toPlainString();
    }
}
