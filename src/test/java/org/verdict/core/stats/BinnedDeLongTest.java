package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** DeLong from binned scores against DeLong on the rows themselves. */
class BinnedDeLongTest {

    @Test
    void aucsAndVariancesMatchTheRowsAndTheStandardErrorOfDeltaIsWithinTwoPercent() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 20_000;
        double[] prod = new double[n];
        double[] cand = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble() < 0.05; // rare positives, where linear bins fail
            double shared = random.nextGaussian();
            double signal = positive[i] ? 1.5 : -1.5;
            prod[i] = logistic(signal + shared + 0.7 * random.nextGaussian() - 2);
            cand[i] = logistic(signal * 1.1 + shared + 0.7 * random.nextGaussian() - 2);
        }
        DeLong.Result rows = DeLong.compare(SliceRanking.of(prod, positive), SliceRanking.of(cand, positive));
        DeLong.Result binned = BinnedDeLong.compare(binned(prod, cand, positive));

        assertEquals(rows.productionAuc(), binned.productionAuc(), 1e-5);
        assertEquals(rows.candidateAuc(), binned.candidateAuc(), 1e-5);
        assertEquals(1, binned.productionVariance() / rows.productionVariance(), 1e-3);
        assertEquals(1, binned.candidateVariance() / rows.candidateVariance(), 1e-3);
        double seRatio = Math.sqrt(binned.deltaVariance() / rows.deltaVariance());
        assertTrue(Math.abs(seRatio - 1) < 0.02, "SE of Δ from binned scores / from rows = " + seRatio);
        double dfRatio = binned.deltaDegreesOfFreedom() / rows.deltaDegreesOfFreedom();
        assertTrue(Math.abs(dfRatio - 1) < 0.05, "Welch degrees of freedom from binned scores / from rows = " + dfRatio);
    }

    @Test
    void distinctScoresInDistinctBinsGiveTheExactAuc() {
        // hand-made: positives at 0.9 and 0.4, negatives at 0.6 and 0.1 → AUC = 3 of 4 pairs = 0.75
        double[] scores = {0.9, 0.4, 0.6, 0.1};
        boolean[] positive = {true, true, false, false};
        DeLong.Result binned = BinnedDeLong.compare(binned(scores, scores, positive));
        assertEquals(0.75, binned.productionAuc(), 1e-12);
        assertEquals(0, binned.deltaVariance(), 1e-12, "a model against itself has no Δ variance");
    }

    /** The histograms a summary SQL would compute. */
    static BinnedScores binned(double[] prod, double[] cand, boolean[] positive) {
        TreeMap<Long, long[]> p = new TreeMap<>();
        TreeMap<Long, long[]> c = new TreeMap<>();
        Map<Long, Long> jointPos = new HashMap<>();
        Map<Long, Long> jointNeg = new HashMap<>();
        for (int i = 0; i < prod.length; i++) {
            long bp = bin(prod[i]);
            long bc = bin(cand[i]);
            p.computeIfAbsent(bp, k -> new long[2])[positive[i] ? 0 : 1]++;
            c.computeIfAbsent(bc, k -> new long[2])[positive[i] ? 0 : 1]++;
            (positive[i] ? jointPos : jointNeg).merge(BinnedScores.pair(BinnedScores.coarse(bp),
                    BinnedScores.coarse(bc)), 1L, Long::sum);
        }
        return new BinnedScores(p.keySet().stream().mapToLong(Long::longValue).toArray(),
                p.values().stream().mapToLong(a -> a[0]).toArray(), p.values().stream().mapToLong(a -> a[1]).toArray(),
                c.keySet().stream().mapToLong(Long::longValue).toArray(),
                c.values().stream().mapToLong(a -> a[0]).toArray(), c.values().stream().mapToLong(a -> a[1]).toArray(),
                jointPos, jointNeg);
    }

    private static long bin(double score) {
        double clipped = Math.min(Math.max(score, 1e-15), 1 - 1e-15);
        return (long) Math.floor(Math.log(clipped / (1 - clipped)) * 1000);
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
