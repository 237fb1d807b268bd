package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Right-closed bins of width 0.1, as scikit-learn's calibration_curve: (0.2, 0.3] is bin 2, 0 is in bin 0. */
    @Test
    void binsAreRightClosedTenths() {
        assertEquals(0, Calibration.bin(0));
        assertEquals(0, Calibration.bin(0.1));
        assertEquals(1, Calibration.bin(0.1000001));
        assertEquals(2, Calibration.bin(0.3));
        assertEquals(3, Calibration.bin(0.31));
        assertEquals(9, Calibration.bin(0.95));
        assertEquals(9, Calibration.bin(1));
    }

    /**
     * The bin is the number of NumPy's edges np.linspace(0, 1, 11)[1:10] = i · 0.1 strictly below the score: on every
     * score with four decimals and on each edge and its neighbouring doubles, where a first guess from score · 10 is
     * a step off (3 · 0.1 = 0.30000000000000004 lies above 0.3, so 0.3 stays in bin 2).
     */
    @Test
    void binsCountTheEdgesBelowTheScore() {
        java.util.List<Double> scores = new java.util.ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            scores.add(i / 10_000.0);
        }
        for (int i = 1; i <= 9; i++) {
            double edge = i * 0.1;
            for (double score : new double[] {edge, Math.nextDown(edge), Math.nextUp(edge), i / 10.0}) {
                scores.add(score);
            }
        }
        for (double score : scores) {
            int below = 0;
            for (int i = 1; i <= 9; i++) {
                below += i * 0.1 < score ? 1 : 0;
            }
            assertEquals(below, Calibration.bin(score), () -> "score " + score);
        }
    }

    /** log loss clips at 1e-15: a confident miss costs −ln(1e-15) = 34.539, not infinity. */
    @Test
    void logLossIsClipped() {
        assertEquals(34.538776394910684, Calibration.logLoss(0, 1), 1e-9);
        assertEquals(-Math.log(0.8), Calibration.logLoss(0.8, 1), 1e-15);
        assertEquals(-Math.log(0.2), Calibration.logLoss(0.8, 0), 1e-15);
    }

    /**
     * Four examples, n = 4. Bin 7: scores .75 (label 1), .72 (label 0), .78 (label 1): gaps −.25, .72, −.22; the mean
     * of d_i·d_j over the 6 ordered pairs i ≠ j is 2·(−.18 + .055 − .1584)/6 = −.0944667, weighted 3/4. Bin 2 holds
     * one example and adds nothing.
     */
    @Test
    void squaredErrorIsTheMeanProductOverPairsWeightedByBinShare() {
        double[] sums = sums(new double[] {0.75, 0.72, 0.78, 0.25}, new int[] {1, 0, 1, 0});
        assertEquals(0.75 * 2 * (-0.18 + 0.055 - 0.1584) / 6, Calibration.squaredError(sums, 0, 4), 1e-12);
    }

    /**
     * The point of the estimator: for a perfectly calibrated model (label ~ Bernoulli(score)) the true value is 0;
     * the plug-in Σ (bin share)·(mean gap)² averages about Σ Var(gap)/n &gt; 0, the debiased one about 0.
     */
    @Test
    void debiasedEstimateOfACalibratedModelAveragesZero() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 200;
        int replicates = 2000;
        double debiased = 0;
        double plugIn = 0;
        for (int r = 0; r < replicates; r++) {
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextDouble();
                labels[i] = random.nextDouble() < scores[i] ? 1 : 0;
            }
            double[] sums = sums(scores, labels);
            debiased += Calibration.squaredError(sums, 0, n) / replicates;
            for (int bin = 0; bin < Calibration.BINS; bin++) {
                double m = sums[3 * bin];
                plugIn += m == 0 ? 0 : (m / n) * Math.pow(sums[3 * bin + 1] / m, 2) / replicates;
            }
        }
        // the plug-in is about Σ_b Var(gap | bin b)/n: ten bins of average variance E[s(1 − s)] ≈ 1/6 give ≈ 0.008;
        // one debiased estimate has a standard deviation near 0.0036, so the mean of 2000 one near 0.00008
        assertTrue(plugIn > 0.006, "plug-in " + plugIn);
        assertEquals(0, debiased, 0.0003);
    }

    /**
     * The score interval by hand. n = 5: bin 7 with gaps −.25, .72, −.22 (sample variance .3042333), bin 2 with gaps
     * .25, −.75 (variance .5). Estimate (((.25)² − .6293)/2 + ((−.5)² − .625)/1)/5 = (−.2834 − .375)/5 = −.13168; mean
     * gaps .0833333 and −.25, weights w_b·μ̂_b² = .0041667 and .025, so the weighted within-bin variance is
     * (.0041667·.3042333 + .025·.5)/.0291667 = .4720333 and c = 4·.4720333/5 = .3776267; Q = 2·(.3042333²·3/2 +
     * .5²·2)/25 + (.0041667·.0833333² + .025·.25² − .0291667²)/5 = .0512551; t(4) at 97.5 % = 2.7764451. The ends of
     * {θ : |θ̂ − θ| ≤ t·√(Q + c·max(θ, 0))}, found by root-finding in SciPy (brentq): −.7602558 (below 0, where the
     * variance is Q: θ̂ − t·√Q) and 2.7833548.
     */
    @Test
    void scoreIntervalByHand() {
        double[] sums = gapSums(new int[] {7, 7, 7, 2, 2}, new double[] {-0.25, 0.72, -0.22, 0.25, -0.75});
        assertEquals(-0.13168, Calibration.squaredError(sums, 0, 5), 1e-12);
        Interval interval = Calibration.squaredErrorInterval(sums, 0, 5, 0.95, 4);
        assertEquals(-0.7602557586197709, interval.lower(), 1e-9);
        // the score interval's upper root, 2.7833547657657087 on 4 degrees of freedom, lies beyond the largest
        // squared calibration error there is, (score − label)² ≤ 1: the interval ends at 1
        assertEquals(1.0, interval.upper(), 0);
    }

    /** Where the upper root stays below 1 it is the interval's end, uncut. */
    @Test
    void scoreIntervalBelowOneIsNotCut() {
        double[] sums = gapSums(new int[] {7, 7, 7, 2, 2}, new double[] {-0.25, 0.72, -0.22, 0.25, -0.75});
        // the same five gaps at the 50 % level: t(4) at 75 % = .7406971; the upper end of
        // {θ : |θ̂ − θ| ≤ t·√(Q + c·max(θ, 0))} with the values of scoreIntervalByHand, by brentq in SciPy: .0794715
        Interval interval = Calibration.squaredErrorInterval(sums, 0, 5, 0.50, 4);
        assertEquals(0.0794714881597157, interval.upper(), 1e-9);
    }

    /**
     * The interval's reason to be: its arm above the estimate is longer than the one below, as the variance grows with
     * the calibration error; and it holds its estimate. Its ends solve |θ̂ − θ| = t·√V(θ).
     */
    @Test
    void scoreIntervalLeansUpAndHoldsTheEstimate() {
        SplittableRandom random = new SplittableRandom(3);
        double[] scores = new double[200];
        int[] labels = new int[200];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextDouble();
            // overconfident: the true rate is pulled towards 1/2
            labels[i] = random.nextDouble() < 0.5 + 0.6 * (scores[i] - 0.5) ? 1 : 0;
        }
        double[] sums = sums(scores, labels);
        double estimate = Calibration.squaredError(sums, 0, 200);
        Interval interval = Calibration.squaredErrorInterval(sums, 0, 200, 0.95, 199);
        assertTrue(estimate > 0, "an overconfident model's estimate, " + estimate);
        assertTrue(interval.contains(estimate));
        assertTrue(interval.upper() - estimate > estimate - interval.lower(), interval.toString());
    }

    /**
     * Δ's variance by its definition, on 12 rows and two models: the jackknife (each row left out, the estimate
     * recomputed from the pairs), less k/(k − 2)·2·N2·σ̂₂² with σ̂₂² from the pair kernel
     * K(u, v) = Σ_model weight·1[same bin]·d_u·d_v/(n·(m_b − 1)) averaged over every distinct pair, triple and quadruple
     * of rows, enumerated one by one; never below half the jackknife's.
     */
    @Test
    void varianceIsTheJackknifeLessItsExcessByEnumeration() {
        // 12 rows of two overconfident models (true rate 1/2 + .3·(score − 1/2)): a large linear part, so the
        // subtraction is exercised rather than the floor
        int n = 12;
        int[][] bins = new int[2][n];
        double[][] gaps = new double[2][n];
        SplittableRandom random = new SplittableRandom(5);
        for (int u = 0; u < n; u++) {
            double truth = random.nextDouble();
            int label = random.nextDouble() < 0.5 + 0.3 * (truth - 0.5) ? 1 : 0;
            for (int model = 0; model < 2; model++) {
                double score = Math.min(1, Math.max(0, truth + 0.1 * (random.nextDouble() - 0.5)));
                bins[model][u] = Calibration.bin(score);
                gaps[model][u] = score - label;
            }
        }
        double[] weights = {-1, 1};
        double[][] units = new double[n][2 * Calibration.SQUARED_ERROR_SUMS + 1];
        for (int u = 0; u < n; u++) {
            for (int model = 0; model < 2; model++) {
                int at = model * Calibration.SQUARED_ERROR_SUMS + 3 * bins[model][u];
                units[u][at] = 1;
                units[u][at + 1] = gaps[model][u];
                units[u][at + 2] = gaps[model][u] * gaps[model][u];
            }
            units[u][2 * Calibration.SQUARED_ERROR_SUMS] = 1;
        }
        double[] leftOut = new double[n];
        for (int out = 0; out < n; out++) {
            for (int model = 0; model < 2; model++) {
                leftOut[out] += weights[model] * pairMean(bins[model], gaps[model], out);
            }
        }
        double mean = java.util.Arrays.stream(leftOut).average().orElseThrow();
        double jackknife = 0;
        for (double value : leftOut) {
            jackknife += (n - 1.0) / n * (value - mean) * (value - mean);
        }
        double[][] kernel = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                for (int model = 0; model < 2; model++) {
                    if (u != v && bins[model][u] == bins[model][v]) {
                        int m = 0;
                        for (int b : bins[model]) {
                            m += b == bins[model][u] ? 1 : 0;
                        }
                        kernel[u][v] += weights[model] * gaps[model][u] * gaps[model][v] / (n * (m - 1.0));
                    }
                }
            }
        }
        double squares = 0;
        double triples = 0;
        double quadruples = 0;
        int pairs = 0;
        int threes = 0;
        int fours = 0;
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (v == u) {
                    continue;
                }
                squares += kernel[u][v] * kernel[u][v];
                pairs++;
                for (int w = 0; w < n; w++) {
                    if (w == u || w == v) {
                        continue;
                    }
                    triples += kernel[u][v] * kernel[u][w];
                    threes++;
                    for (int x = 0; x < n; x++) {
                        if (x != u && x != v && x != w) {
                            quadruples += kernel[u][v] * kernel[w][x];
                            fours++;
                        }
                    }
                }
            }
        }
        double kernelVariance = squares / pairs - 2 * triples / threes + quadruples / fours;
        double excess = n / (n - 2.0) * 2 * n * (n - 1) * kernelVariance;
        double expected = Math.max(jackknife - excess, jackknife / 2);
        assertTrue(jackknife - excess > jackknife / 2, "the example exercises the subtraction, not the floor");
        assertEquals(expected, Calibration.squaredErrorVariance(units, new int[] {0, Calibration.SQUARED_ERROR_SUMS},
                weights, 2 * Calibration.SQUARED_ERROR_SUMS, n), 1e-12);
    }

    /**
     * What the correction is for: over repeated samples of 100 rows from a miscalibrated model, the mean of the
     * corrected variance is the estimator's variance over the samples. The jackknife's own runs 1.8 times too high
     * here (an independent NumPy re-implementation of the same model: 1.83, the corrected one 1.11; the model is
     * nearly calibrated, so the degenerate quadratic part carries most of the variance).
     */
    @Test
    void varianceMatchesTheEstimatorsSpreadOverSamples() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 100;
        int replicates = 3000;
        double sum = 0;
        double sumOfSquares = 0;
        double estimatedVariance = 0;
        for (int r = 0; r < replicates; r++) {
            double[][] units = new double[n][Calibration.SQUARED_ERROR_SUMS + 1];
            double[] sums = new double[Calibration.SQUARED_ERROR_SUMS];
            for (int u = 0; u < n; u++) {
                double score = random.nextDouble();
                int label = random.nextDouble() < 0.5 + 0.7 * (score - 0.5) ? 1 : 0;
                double[] unit = units[u];
                Calibration.addExample(score, label, Calibration.bin(score), unit, 0);
                Calibration.addExample(score, label, Calibration.bin(score), sums, 0);
                unit[Calibration.SQUARED_ERROR_SUMS] = 1;
            }
            double estimate = Calibration.squaredError(sums, 0, n);
            sum += estimate;
            sumOfSquares += estimate * estimate;
            estimatedVariance += Calibration.squaredErrorVariance(units, new int[] {0}, new double[] {1},
                    Calibration.SQUARED_ERROR_SUMS, n) / replicates;
        }
        double variance = sumOfSquares / replicates - Math.pow(sum / replicates, 2);
        // Monte-Carlo error of the empirical variance over 3000 samples: about ±3 %
        assertEquals(1, estimatedVariance / variance, 0.15);
    }

    /** The estimate from pairs within bins, with row {@code out} left out (n − 1 rows). */
    private static double pairMean(int[] bins, double[] gaps, int out) {
        double total = 0;
        int rows = bins.length - 1;
        for (int bin = 0; bin < Calibration.BINS; bin++) {
            int m = 0;
            double products = 0;
            for (int i = 0; i < bins.length; i++) {
                if (i == out || bins[i] != bin) {
                    continue;
                }
                m++;
                for (int j = 0; j < bins.length; j++) {
                    if (j != i && j != out && bins[j] == bin) {
                        products += gaps[i] * gaps[j];
                    }
                }
            }
            total += m >= 2 ? products / (m - 1.0) / rows : 0;
        }
        return total;
    }

    /** Sums of gaps placed directly in bins (no scores needed). */
    private static double[] gapSums(int[] bins, double[] gaps) {
        double[] sums = new double[Calibration.SQUARED_ERROR_SUMS];
        for (int i = 0; i < bins.length; i++) {
            sums[3 * bins[i]] += 1;
            sums[3 * bins[i] + 1] += gaps[i];
            sums[3 * bins[i] + 2] += gaps[i] * gaps[i];
        }
        return sums;
    }

    private static double[] sums(double[] scores, int[] labels) {
        double[] sums = new double[Calibration.SQUARED_ERROR_SUMS];
        for (int i = 0; i < scores.length; i++) {
            Calibration.addExample(scores[i], labels[i], Calibration.bin(scores[i]), sums, 0);
        }
        return sums;
    }
}
