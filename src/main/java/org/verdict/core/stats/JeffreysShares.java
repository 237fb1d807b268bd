package org.verdict.core.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * Redraws a handful of examples' cell counts as what those examples leave open about the cells' shares: the shares
 * from Dirichlet(counts + 1/2), the posterior under Jeffreys' prior (a Bayesian bootstrap with that prior), scaled to
 * the counts' total. A plain resample of a group of one example puts that example in the same cell in every
 * replicate, as if the group's rates were known; at a few examples it varies far less than they are unknown.
 * Every cell gets a share, an empty one too: a group with no positive example among a few still has a true positive
 * rate.
 */
public final class JeffreysShares {
    private static final double JEFFREYS_PRIOR = 0.5;

    private final AbstractRandomGenerator random;

    public JeffreysShares(SplittableRandom random) {
        this.random = new AbstractRandomGenerator() {
            @Override
            public void setSeed(long seed) {
                throw new UnsupportedOperationException("seeded by its SplittableRandom");
            }

            @Override
            public double nextDouble() {
                return random.nextDouble();
            }
        };
    }

    /**
     * Fills {@code into} with one draw: cell i gets total · share_i, the shares Dirichlet with parameters
     * counts_i + 1/2 (each a gamma variate over their sum).
     */
    public void draw(long[] counts, double[] into) {
        long total = 0;
        double gammaSum = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            into[i] = new GammaDistribution(random, counts[i] + JEFFREYS_PRIOR, 1.0).sample();
            gammaSum += into[i];
        }
        for (int i = 0; i < counts.length; i++) {
            into[i] = total * into[i] / gammaSum;
        }
    }
}
