package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** pr_auc and its influence-function variances from binned scores against the same on rows. */
class BinnedAveragePrecisionTest {

    @Test
    void valuesAndVariancesMatchTheRows() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 20_000;
        double[] prod = new double[n];
        double[] cand = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble() < 0.05;
            double shared = random.nextGaussian();
            double signal = positive[i] ? 1.5 : -1.5;
            prod[i] = 1 / (1 + Math.exp(-(signal + shared + 0.7 * random.nextGaussian() - 2)));
            cand[i] = 1 / (1 + Math.exp(-(signal * 1.1 + shared + 0.7 * random.nextGaussian() - 2)));
        }
        SliceRanking p = SliceRanking.of(prod, positive);
        SliceRanking c = SliceRanking.of(cand, positive);
        double apP = p.averagePrecision().value();
        double apC = c.averagePrecision().value();
        double[] ip = p.averagePrecisionInfluence(apP, new double[n]);
        double[] ic = c.averagePrecisionInfluence(apC, new double[n]);
        double varP = 0;
        double varC = 0;
        double varDelta = 0;
        for (int i = 0; i < n; i++) {
            varP += ip[i] * ip[i];
            varC += ic[i] * ic[i];
            varDelta += (ic[i] - ip[i]) * (ic[i] - ip[i]);
        }
        BinnedAveragePrecision.Result binned = BinnedAveragePrecision.compare(
                BinnedDeLongTest.binned(prod, cand, positive));

        assertEquals(apP, binned.productionAp(), 1e-4);
        assertEquals(apC, binned.candidateAp(), 1e-4);
        assertEquals(1, binned.productionVariance() / varP, 0.01);
        assertEquals(1, binned.candidateVariance() / varC, 0.01);
        double seRatio = Math.sqrt(binned.deltaVariance() / varDelta);
        assertTrue(Math.abs(seRatio - 1) < 0.05, "SE of Δ from binned scores / from rows = " + seRatio);
    }

    /** On a slice of 300 rows whose scores are bin centres (no ties split), ν of Δ is the rows' to rounding. */
    @Test
    void deltaDegreesOfFreedomAreTheRowsOnASmallSlice() {
        SplittableRandom random = new SplittableRandom(13);
        int n = 300;
        double[] prod = new double[n];
        double[] cand = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = i < 24;
            double signal = positive[i] ? 1.2 : -1.2;
            prod[i] = binCentre(signal + 1.3 * random.nextGaussian());
            cand[i] = binCentre(signal * 1.2 + 1.3 * random.nextGaussian());
        }
        SliceRanking p = SliceRanking.of(prod, positive);
        SliceRanking c = SliceRanking.of(cand, positive);
        double[] ip = p.averagePrecisionInfluence(p.averagePrecision().value(), new double[n]);
        double[] ic = c.averagePrecisionInfluence(c.averagePrecision().value(), new double[n]);
        double[] delta = new double[n];
        double variance = 0;
        for (int i = 0; i < n; i++) {
            delta[i] = ic[i] - ip[i];
            variance += delta[i] * delta[i];
        }
        double rowsDegreesOfFreedom = WaldDifference.effectiveDegreesOfFreedom(delta, null);
        BinnedAveragePrecision.Result binned = BinnedAveragePrecision.compare(
                BinnedDeLongTest.binned(prod, cand, positive));

        assertEquals(variance, binned.deltaVariance(), 1e-12 * variance);
        assertEquals(rowsDegreesOfFreedom, binned.deltaDegreesOfFreedom(), 1e-9 * rowsDegreesOfFreedom);
        // far fewer than n − 1: a few positives carry most of Δ's variance
        assertTrue(rowsDegreesOfFreedom < 100, "ν = " + rowsDegreesOfFreedom);
    }

    @Test
    void withoutTheFourthPowerSumTheDegreesOfFreedomAreUnknown() {
        double[] scores = {0.9, 0.8, 0.3, 0.1};
        boolean[] positive = {true, false, true, false};
        RankingSums sums = BinnedDeLongTest.binned(scores, new double[] {0.7, 0.9, 0.2, 0.1}, positive);
        RankingSums old = new RankingSums(sums.positives(), sums.negatives(), sums.production(), sums.candidate(),
                sums.v10Cross(), sums.v01Cross(), sums.influenceCross(), Double.NaN);
        assertTrue(Double.isNaN(BinnedAveragePrecision.compare(old).deltaDegreesOfFreedom()));
        assertTrue(BinnedAveragePrecision.compare(sums).deltaDegreesOfFreedom() >= 1);
    }

    private static double binCentre(double logit) {
        return 1 / (1 + Math.exp(-(Math.floor(logit * 1000) + 0.5) / 1000));
    }

    @Test
    void aPerfectRankingHasAveragePrecisionOne() {
        double[] scores = {0.9, 0.8, 0.3, 0.1};
        boolean[] positive = {true, true, false, false};
        assertEquals(1, BinnedAveragePrecision.compare(BinnedDeLongTest.binned(scores, scores, positive))
                .productionAp(), 1e-12);
    }
}
