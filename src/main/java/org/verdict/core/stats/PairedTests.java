package org.verdict.core.stats;

import java.util.function.DoubleFunction;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/** Closed-form paired tests and normal-theory helpers. */
public final class PairedTests {
    /** Discordant counts up to this use McNemar's exact binomial test; above it the chi-square approximation. */
    public static final int MCNEMAR_EXACT_MAX_DISCORDANT = 25;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private PairedTests() {
    }

    /** A p-value and the name of the test that produced it. */
    public record TestResult(double pValue, String test) {
    }

    /**
     * McNemar's test of equal correctness on paired examples.
     *
     * @param onlyProductionCorrect examples production gets right and the candidate wrong (b)
     * @param onlyCandidateCorrect examples the candidate gets right and production wrong (c)
     * @return exact two-sided binomial p ({@code mcnemar-exact}) when b + c ≤ 25, else the chi-square statistic
     *         (|b − c| − 1)² / (b + c) with one degree of freedom ({@code mcnemar-chi2-cc})
     */
    public static TestResult mcnemar(long onlyProductionCorrect, long onlyCandidateCorrect) {
        long discordant = onlyProductionCorrect + onlyCandidateCorrect;
        if (discordant == 0) {
            return new TestResult(1.0, "mcnemar-exact");
        }
        if (discordant <= MCNEMAR_EXACT_MAX_DISCORDANT) {
            long smaller = Math.min(onlyProductionCorrect, onlyCandidateCorrect);
            double tail = new BinomialDistribution(null, (int) discordant, 0.5).cumulativeProbability((int) smaller);
            return new TestResult(Math.min(1.0, 2 * tail), "mcnemar-exact");
        }
        double corrected = Math.abs(onlyProductionCorrect - onlyCandidateCorrect) - 1.0;
        double statistic = Math.max(0, corrected) * Math.max(0, corrected) / discordant;
        // upper tail of chi-square with 1 df, P(Z² > x) = erfc(√(x/2)), without the cancellation of 1 − CDF
        return new TestResult(Erf.erfc(Math.sqrt(statistic / 2)), "mcnemar-chi2-cc");
    }

    /** z such that P(|Z| ≤ z) = level for a standard normal Z. */
    public static double twoSidedCriticalValue(double level) {
        return STANDARD_NORMAL.inverseCumulativeProbability(0.5 + level / 2);
    }

    /**
     * The p-value that inverts a family of intervals indexed by the critical value z, each wider than the last and none
     * holding 0 at z = 0: 2Φ(−z) at the z at which the end nearer 0 reaches it (a MOVER interval's inversion). Found by
     * bisection on z rather than on the level, so that a p-value far below 1e-16 keeps its digits.
     */
    static double pValueOfWideningInterval(DoubleFunction<Interval> intervalAt) {
        double low = 0;
        double high = 64;
        for (int step = 0; step < 200 && high - low > 1e-12; step++) {
            double z = (low + high) / 2;
            Interval interval = intervalAt.apply(z);
            if (interval.lower() > 0 || interval.upper() < 0) {
                low = z;
            } else {
                high = z;
            }
        }
        return normalTwoSidedP((low + high) / 2, 1);
    }

    /** Two-sided p-value of an estimate with a normal sampling distribution of the given variance around 0. */
    public static double normalTwoSidedP(double estimate, double variance) {
        if (variance <= 0) {
            return estimate == 0 ? 1.0 : 0.0;
        }
        double z = Math.abs(estimate) / Math.sqrt(variance);
        return Erf.erfc(z / Math.sqrt(2));
    }

    /** estimate ± z·sd, clipped to the metric's range. */
    public static Interval normalInterval(double estimate, double variance, double level, double lowest, double highest) {
        double half = twoSidedCriticalValue(level) * Math.sqrt(Math.max(0, variance));
        return new Interval(Math.max(lowest, estimate - half), Math.min(highest, estimate + half));
    }

    /**
     * The interval of a quantity in (0, 1) built on the logit scale and mapped back: logit(θ) ± z·SE/(θ(1 − θ)), the
     * delta-method standard error of logit(θ). It stays inside (0, 1) and leans away from the nearer bound, where the
     * sampling distribution of an AUC or an average precision is skewed (the logit-transformed interval of one AUC:
     * Pepe 2003; Qin &amp; Hotilovac 2008). At 0 or 1 the logit is infinite: then the normal interval clipped to [0, 1].
     */
    public static Interval logitInterval(double estimate, double variance, double level) {
        if (!(estimate > 0 && estimate < 1)) {
            return normalInterval(estimate, variance, level, 0, 1);
        }
        return logitIntervalAt(estimate, variance, twoSidedCriticalValue(level));
    }

    /** The logit interval of an estimate in (0, 1) at the critical value z of the standard normal. */
    static Interval logitIntervalAt(double estimate, double variance, double z) {
        double logit = Math.log(estimate / (1 - estimate));
        double half = z * Math.sqrt(Math.max(0, variance)) / (estimate * (1 - estimate));
        return new Interval(1 / (1 + Math.exp(-(logit - half))), 1 / (1 + Math.exp(-(logit + half))));
    }

    /**
     * The interval of a quantity in (−1, 1) built on Fisher's z scale and mapped back: tanh(atanh(θ) ± z·SE/(1 − θ²)),
     * the delta-method standard error of atanh(θ); the logit interval of (1 + θ)/2, θ's place in its range. It stays
     * inside (−1, 1) and leans away from the nearer bound, as Cohen's kappa's sampling distribution does near 1. At
     * −1 or 1 the transform is infinite: then the normal interval clipped to [−1, 1].
     */
    public static Interval fisherZInterval(double estimate, double variance, double level) {
        if (!(estimate > -1 && estimate < 1)) {
            return normalInterval(estimate, variance, level, -1, 1);
        }
        double z = 0.5 * Math.log((1 + estimate) / (1 - estimate));
        double half = twoSidedCriticalValue(level) * Math.sqrt(Math.max(0, variance)) / (1 - estimate * estimate);
        return new Interval(Math.tanh(z - half), Math.tanh(z + half));
    }
}
