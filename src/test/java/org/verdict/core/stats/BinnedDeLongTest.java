package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
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
        DeLong.Result rows = onRows(SliceRanking.of(prod, positive), SliceRanking.of(cand, positive));
        DeLong.Result binned = BinnedDeLong.compare(binned(prod, cand, positive));

        assertEquals(rows.productionAuc(), binned.productionAuc(), 1e-5);
        assertEquals(rows.candidateAuc(), binned.candidateAuc(), 1e-5);
        assertEquals(1, binned.productionVariance() / rows.productionVariance(), 1e-3);
        assertEquals(1, binned.candidateVariance() / rows.candidateVariance(), 1e-3);
        double seRatio = Math.sqrt(binned.deltaVariance() / rows.deltaVariance());
        assertTrue(Math.abs(seRatio - 1) < 0.001, "SE of Δ from binned scores / from rows = " + seRatio);
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

    /** DeLong on the rows as the row engine takes it: each model's components by tie group, summed in one pass. */
    private static DeLong.Result onRows(SliceRanking production, SliceRanking candidate) {
        double[] p = production.delongGroupComponents(new double[2 * production.groups()]);
        double[] c = candidate.delongGroupComponents(new double[2 * candidate.groups()]);
        return DeLong.fromSums(SliceRanking.exampleSums(production, p, p, candidate, c, c).delong(),
                production.positives(), production.negatives());
    }

    /**
     * The sums the summary SQL computes, made independently of it: each score replaced by its 0.001-logit bin (so
     * examples in one bin tie), then the row engine's DeLong components and AP influences on those tied scores, added
     * up per class and paired across the models.
     */
    static RankingSums binned(double[] prod, double[] cand, boolean[] positive) {
        int n = prod.length;
        SliceRanking p = SliceRanking.of(bins(prod), positive);
        SliceRanking c = SliceRanking.of(bins(cand), positive);
        double[] vp = p.delongGroupComponents(new double[2 * p.groups()]);
        double[] vc = c.delongGroupComponents(new double[2 * c.groups()]);
        // per class (0 positives, 1 negatives): p, c, p², c², p·c
        double[][] sums = SliceRanking.exampleSums(p, vp, vp, c, vc, vc).delong();
        double apP = p.averagePrecision().value();
        double apC = c.averagePrecision().value();
        double[] ip = p.averagePrecisionInfluence(apP, new double[n]);
        double[] ic = c.averagePrecisionInfluence(apC, new double[n]);
        double[] influence = new double[4]; // p², c², p·c, (c − p)⁴
        for (int i = 0; i < n; i++) {
            influence[0] += ip[i] * ip[i];
            influence[1] += ic[i] * ic[i];
            influence[2] += ip[i] * ic[i];
            influence[3] += Math.pow(ic[i] - ip[i], 4);
        }
        long m = p.positives();
        return new RankingSums(m, p.negatives(),
                new RankingSums.Model(sums[0][0], sums[0][2], sums[1][0], sums[1][2], apP * m, influence[0]),
                new RankingSums.Model(sums[0][1], sums[0][3], sums[1][1], sums[1][3], apC * m, influence[1]),
                sums[0][4], sums[1][4], influence[2], influence[3]);
    }

    /** Each score as its bin, kept in (0, 1) as the row engine's scores are: (bin + 40,000) / 100,000. */
    private static double[] bins(double[] scores) {
        double[] bins = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            bins[i] = (bin(scores[i]) + 40_000) / 100_000.0;
        }
        return bins;
    }

    private static long bin(double score) {
        double clipped = Math.min(Math.max(score, 1e-15), 1 - 1e-15);
        return (long) Math.floor(Math.log(clipped / (1 - clipped)) * 1000);
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
