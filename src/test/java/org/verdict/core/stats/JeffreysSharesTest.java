package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JeffreysSharesTest {
    /**
     * Dirichlet(α) has mean α_i / α0 and variance α_i (α0 − α_i) / (α0² (α0 + 1)). One example in cell 0 of 8:
     * α = (1.5, 0.5 × 7), α0 = 5, so cell 0's share has mean 0.3 and variance 0.035, each other cell mean 0.1 and
     * variance 0.5 · 4.5 / (25 · 6) = 0.015.
     */
    @Test
    void sharesHaveTheMomentsOfJeffreysPosterior() {
        JeffreysShares shares = new JeffreysShares(new SplittableRandom(11));
        long[] oneExample = {1, 0, 0, 0, 0, 0, 0, 0};
        int draws = 40_000;
        double[] sum = new double[8];
        double[] sumOfSquares = new double[8];
        double[] into = new double[8];
        for (int i = 0; i < draws; i++) {
            shares.draw(oneExample, into);
            for (int cell = 0; cell < 8; cell++) {
                sum[cell] += into[cell];
                sumOfSquares[cell] += into[cell] * into[cell];
            }
        }
        for (int cell = 0; cell < 8; cell++) {
            double mean = cell == 0 ? 0.3 : 0.1;
            double variance = cell == 0 ? 0.035 : 0.015;
            double sampleMean = sum[cell] / draws;
            assertEquals(mean, sampleMean, 4 * Math.sqrt(variance / draws), "mean of cell " + cell);
            assertEquals(variance, sumOfSquares[cell] / draws - sampleMean * sampleMean, 0.1 * variance,
                    "variance of cell " + cell);
        }
    }

    @Test
    void everyCellGetsAShareAndTheTotalIsKept() {
        JeffreysShares shares = new JeffreysShares(new SplittableRandom(3));
        long[] negativesOnly = {3, 1, 0, 0, 2, 0, 0, 0};
        double[] into = new double[8];
        for (int i = 0; i < 100; i++) {
            shares.draw(negativesOnly, into);
            double total = 0;
            for (double share : into) {
                assertTrue(share > 0);
                total += share;
            }
            assertEquals(6, total, 1e-12);
        }
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        long[] counts = {2, 0, 1, 0, 0, 1, 0, 3};
        double[] first = new double[8];
        double[] second = new double[8];
        new JeffreysShares(new SplittableRandom(5)).draw(counts, first);
        new JeffreysShares(new SplittableRandom(5)).draw(counts, second);
        assertArrayEquals(first, second);
    }
}
