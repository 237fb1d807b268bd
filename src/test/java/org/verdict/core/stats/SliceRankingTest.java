package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SliceRankingTest {
    private static final double EPS = 1e-12;

    private static boolean[] positives(int... labels) {
        boolean[] positive = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            positive[i] = labels[i] == 1;
        }
        return positive;
    }

    /** scikit-learn docs: y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]: roc_auc 0.75, average precision 0.8333. */
    @Test
    void matchesScikitLearnsDocumentedExamples() {
        SliceRanking ranking = SliceRanking.of(new double[] {0.1, 0.4, 0.35, 0.8}, positives(0, 0, 1, 1));
        assertEquals(0.75, ranking.rocAuc().value(), EPS);
        // thresholds 0.8: P=1/1, recall 1/2; 0.4: no new positive; 0.35: P=2/3, recall step 1/2 → (1 + 2/3)/2
        assertEquals(5.0 / 6, ranking.averagePrecision().value(), EPS);
    }

    /**
     * Ties count half in AUC and form one threshold in AP. Scores pos [0.5, 0.5], neg [0.5, 0.2]:
     * pairs (0.5 vs 0.5) ½ each, (0.5 vs 0.2) 1 each → AUC (½+1+½+1)/4 = 0.75.
     * AP: threshold 0.5 selects 3 with 2 positives → precision 2/3, recall 1 → AP 2/3.
     */
    @Test
    void tiesCountHalfAndFormOneThreshold() {
        SliceRanking ranking = SliceRanking.of(new double[] {0.5, 0.5, 0.5, 0.2}, positives(1, 1, 0, 0));
        assertEquals(0.75, ranking.rocAuc().value(), EPS);
        assertEquals(2.0 / 3, ranking.averagePrecision().value(), EPS);
    }

    @Test
    void allTiedScoresGiveAucOneHalfAndApThePositiveRate() {
        SliceRanking ranking = SliceRanking.of(new double[] {0.3, 0.3, 0.3, 0.3, 0.3}, positives(1, 0, 0, 1, 0));
        assertEquals(0.5, ranking.rocAuc().value(), EPS);
        assertEquals(0.4, ranking.averagePrecision().value(), EPS);
    }

    @Test
    void oneClassMakesAucUnavailable() {
        SliceRanking onlyNegatives = SliceRanking.of(new double[] {0.1, 0.7}, positives(0, 0));
        assertFalse(onlyNegatives.rocAuc().isAvailable());
        assertFalse(onlyNegatives.averagePrecision().isAvailable());
        SliceRanking onlyPositives = SliceRanking.of(new double[] {0.1, 0.7}, positives(1, 1));
        assertFalse(onlyPositives.rocAuc().isAvailable());
        assertEquals(1.0, onlyPositives.averagePrecision().value(), EPS);
    }

    /**
     * DeLong worked by hand (pairwise form of DeLong et al. 1988, independent of the midrank code).
     * Labels 1,1,1,1,0,0,0,0,0. Model A scores: positives 0.9 0.8 0.6 0.4, negatives 0.7 0.5 0.3 0.3 0.1.
     * V10(A) = share of negatives below each positive: 5/5, 5/5, 4/5, 3/5 → AUC 0.85.
     * V01(A) = share of positives above each negative: 2/4, 3/4, 1, 1, 1.
     * Model B: positives 0.8 0.9 0.2 0.6, negatives 0.4 0.6 0.3 0.2 0.5 → V10(B) = 1, 1, 0.5/5 = 0.1, 4.5/5 = 0.9
     * → AUC 0.75; V01(B) = 3/4, 2.5/4, 3/4, 3.5/4, 3/4.
     * Their sums over the positives, Σ A, Σ B, Σ A², Σ B², Σ A·B: 3.4, 3.0, 3.0, 2.82, 2.62; over the negatives:
     * 4.25, 3.75, 3.8125, 2.84375, 3.21875.
     * S10 (sample covariances over the 4 positives): var A 0.0366667, var B 0.19, cov 0.0233333;
     * S01 over the 5 negatives: var A 0.05, var B 0.0078125, cov 0.0078125.
     * Var(A) = 0.0366667/4 + 0.05/5 = 0.0191667; Var(B) = 0.19/4 + 0.0078125/5 = 0.0490625;
     * Cov = 0.0233333/4 + 0.0078125/5 = 0.0073958; Var(B − A) = 0.0191667 + 0.0490625 − 2·0.0073958 = 0.0534375.
     */
    private static final double[][] WORKED_SUMS = {{3.4, 3.0, 3.0, 2.82, 2.62}, {4.25, 3.75, 3.8125, 2.84375, 3.21875}};
    private static final boolean[] WORKED_LABELS = positives(1, 1, 1, 1, 0, 0, 0, 0, 0);
    private static final double[] WORKED_A = {0.9, 0.8, 0.6, 0.4, 0.7, 0.5, 0.3, 0.3, 0.1};
    private static final double[] WORKED_B = {0.8, 0.9, 0.2, 0.6, 0.4, 0.6, 0.3, 0.2, 0.5};

    /** The engine's DeLong (each model's components by tie group, summed over the examples) against the hand values. */
    @Test
    void deLongMatchesAWorkedExample() {
        SliceRanking a = SliceRanking.of(WORKED_A, WORKED_LABELS);
        SliceRanking b = SliceRanking.of(WORKED_B, WORKED_LABELS);
        double[] componentsA = a.delongGroupComponents(new double[2 * a.groups()]);
        double[] componentsB = b.delongGroupComponents(new double[2 * b.groups()]);
        double[][] sums = SliceRanking.exampleSums(a, componentsA, componentsA, b, componentsB, componentsB).delong();
        assertArrayEquals(WORKED_SUMS[0], sums[0], EPS);
        assertArrayEquals(WORKED_SUMS[1], sums[1], EPS);

        DeLong.Result result = DeLong.fromSums(sums, a.positives(), a.negatives());
        assertEquals(0.85, result.productionAuc(), EPS);
        assertEquals(0.75, result.candidateAuc(), EPS);
        assertEquals(0.0191666666666667, result.productionVariance(), 1e-12);
        assertEquals(0.0490625, result.candidateVariance(), 1e-12);
        assertEquals(0.0534375, result.deltaVariance(), 1e-12);
        // z = −0.1 / √0.0534375 = −0.43259; two-sided p = 0.66531
        assertEquals(0.6653123239921241, PairedTests.normalTwoSidedP(-0.1, result.deltaVariance()), 1e-9);
        // Var(B − A) is Welch's variance of the two samples of component differences (V10(B) − V10(A) over the
        // positives, V01(B) − V01(A) over the negatives), so its degrees of freedom are Welch's:
        // scipy.stats.ttest_ind(d10, d01, equal_var=False).df = 4.1217888
        assertEquals(4.121788772597527, result.deltaDegreesOfFreedom(), 1e-9);
    }

    /** A worker keeps its component scratch from a larger slice: what lies past this slice's groups is not read. */
    @Test
    void deLongReadsOnlyTheSlicesGroupsOfLongerScratch() {
        SliceRanking a = SliceRanking.of(WORKED_A, WORKED_LABELS);
        SliceRanking b = SliceRanking.of(WORKED_B, WORKED_LABELS);
        double[] productionScratch = new double[40];
        double[] candidateScratch = new double[40];
        java.util.Arrays.fill(productionScratch, 0.5);
        java.util.Arrays.fill(candidateScratch, 0.25);
        double[] componentsA = a.delongGroupComponents(productionScratch);
        double[] componentsB = b.delongGroupComponents(candidateScratch);
        double[][] sums = SliceRanking.exampleSums(a, componentsA, componentsA, b, componentsB, componentsB).delong();
        assertArrayEquals(WORKED_SUMS[0], sums[0], EPS);
        assertArrayEquals(WORKED_SUMS[1], sums[1], EPS);
    }

    /**
     * A worker keeps each model's tie groups from a larger slice: a ranking written into longer scratch, whose entries
     * past this slice's examples hold another slice's groups, gives DeLong's sums worked by hand above and the AP
     * influences' sums of squares of a ranking with scratch of its own, the latter the sums of squares of the
     * per-example influences that the finite-difference test below checks.
     */
    @Test
    void rankingsReadOnlyTheSlicesExamplesOfLongerGroupScratch() {
        boolean[] positive = WORKED_LABELS;
        double[] prodScores = WORKED_A;
        double[] candScores = WORKED_B;
        int[] prodGroups = new int[20];
        int[] candGroups = new int[20];
        java.util.Arrays.fill(prodGroups, 17);
        java.util.Arrays.fill(candGroups, 3);
        SliceRanking a = SliceRanking.fromMarkedLocals(marked(prodScores), positive, prodGroups);
        SliceRanking b = SliceRanking.fromMarkedLocals(marked(candScores), positive, candGroups);
        double apA = a.averagePrecision().value();
        double apB = b.averagePrecision().value();
        double[] ia = SliceRanking.of(prodScores, positive).averagePrecisionInfluence(apA, new double[9]);
        double[] ib = SliceRanking.of(candScores, positive).averagePrecisionInfluence(apB, new double[9]);
        double[] expected = new double[3];
        for (int i = 0; i < 9; i++) {
            expected[0] += ia[i] * ia[i];
            expected[1] += ib[i] * ib[i];
            expected[2] += (ib[i] - ia[i]) * (ib[i] - ia[i]);
        }
        // both sums of one pass, each from its own tables: DeLong's the worked sums above, the influences' the squares
        SliceRanking.ExampleSums sums = SliceRanking.exampleSums(a, a.delongGroupComponents(new double[40]),
                a.averagePrecisionGroupInfluences(apA, new double[40]), b, b.delongGroupComponents(new double[40]),
                b.averagePrecisionGroupInfluences(apB, new double[40]));
        assertArrayEquals(expected, sums.averagePrecisionSquares(), EPS);
        assertArrayEquals(WORKED_SUMS[0], sums.delong()[0], EPS);
        assertArrayEquals(WORKED_SUMS[1], sums.delong()[1], EPS);
    }

    /** Local indices in ascending score, each one whose score differs from the one before marked as a new score. */
    private static int[] marked(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
        int[] marked = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            boolean newScore = i == 0 || scores[order[i]] != scores[order[i - 1]];
            marked[i] = order[i] | (newScore ? SliceRanking.NEW_SCORE : 0);
        }
        return marked;
    }

    /**
     * The influence of each example on AP is the derivative of AP with respect to the example's weight: checked
     * against a central finite difference of a weighted AP written independently here.
     */
    @Test
    void averagePrecisionInfluenceIsTheDerivativeOfApInTheExampleWeight() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 40;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.round(random.nextDouble() * 10) / 10.0; // ties on purpose
            positive[i] = random.nextDouble() < 0.3 + 0.5 * scores[i];
        }
        SliceRanking ranking = SliceRanking.of(scores, positive);
        double[] influence = ranking.averagePrecisionInfluence(ranking.averagePrecision().value(), new double[n]);
        double h = 1e-6;
        for (int j = 0; j < n; j++) {
            double[] up = ones(n);
            double[] down = ones(n);
            up[j] += h;
            down[j] -= h;
            double derivative = (naiveWeightedAp(scores, positive, up) - naiveWeightedAp(scores, positive, down)) / (2 * h);
            assertEquals(derivative, influence[j], 1e-7, "example " + j);
        }
    }

    /** On 3,000 examples, Σ influence² agrees with the variance of AP over 2,000 row-bootstrap replicates. */
    @Test
    void influenceVarianceAgreesWithTheRowBootstrap() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 3000;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble() < 0.3;
            double z = (positive[i] ? 1.0 : 0.0) + random.nextGaussian();
            scores[i] = Math.round(1000 / (1 + Math.exp(-z))) / 1000.0;
        }
        SliceRanking ranking = SliceRanking.of(scores, positive);
        double ap = ranking.averagePrecision().value();
        double influenceVariance = 0;
        for (double d : ranking.averagePrecisionInfluence(ap, new double[n])) {
            influenceVariance += d * d;
        }
        int replicates = 2000;
        double sum = 0;
        double squares = 0;
        int[] weights = new int[n];
        for (int b = 0; b < replicates; b++) {
            java.util.Arrays.fill(weights, 0);
            for (int draw = 0; draw < n; draw++) {
                weights[random.nextInt(n)]++;
            }
            double replicate = ranking.weightedAveragePrecision(weights);
            sum += replicate;
            squares += replicate * replicate;
        }
        double bootstrapVariance = squares / replicates - Math.pow(sum / replicates, 2);
        // a variance estimated from 2,000 replicates is itself uncertain by about √(2/2000) ≈ 3 %
        assertEquals(bootstrapVariance, influenceVariance, 0.15 * bootstrapVariance);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** AP = Σ over positives-weight at each distinct threshold t of precision(≥ t), divided by the positive weight. */
    private static double naiveWeightedAp(double[] scores, boolean[] positive, double[] weights) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                total += weights[i];
            }
        }
        java.util.TreeSet<Double> thresholds = new java.util.TreeSet<>();
        for (double s : scores) {
            thresholds.add(s);
        }
        for (double t : thresholds) {
            double atT = 0;
            double tp = 0;
            double selected = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= t) {
                    selected += weights[i];
                    tp += positive[i] ? weights[i] : 0;
                }
                if (scores[i] == t && positive[i]) {
                    atT += weights[i];
                }
            }
            sum += atT * tp / selected;
        }
        return sum / total;
    }

    @Test
    void weightedApCountsRepeatedExamples() {
        // weights 2,0,1,1 on scores .8(+) .4(-) .35(+) .1(-): threshold .8 → 2 positives of 2;
        // .4 has weight 0; .35 → 3 positives of 3 → AP = (2·1 + 1·1)/3 = 1
        SliceRanking ranking = SliceRanking.of(new double[] {0.8, 0.4, 0.35, 0.1}, positives(1, 0, 1, 0));
        assertEquals(1.0, ranking.weightedAveragePrecision(new int[] {2, 0, 1, 1}), EPS);
        assertEquals(Double.NaN, ranking.weightedAveragePrecision(new int[] {0, 1, 0, 1}));
    }

    /** The same order with the same ties, whatever the scores; a swap or a broken or new tie is another ranking. */
    @Test
    void ranksAlikeComparesOrderAndTiesNotScores() {
        boolean[] labels = positives(0, 1, 0, 1, 1);
        SliceRanking production = SliceRanking.of(new double[] {0.1, 0.4, 0.4, 0.7, 0.9}, labels);
        assertTrue(production.ranksAlike(SliceRanking.of(new double[] {0.01, 0.3, 0.3, 0.6, 0.99}, labels)));
        assertFalse(production.ranksAlike(SliceRanking.of(new double[] {0.1, 0.4, 0.41, 0.7, 0.9}, labels)),
                "a broken tie");
        assertFalse(production.ranksAlike(SliceRanking.of(new double[] {0.1, 0.4, 0.4, 0.9, 0.7}, labels)),
                "two examples swapped");
        assertFalse(production.ranksAlike(SliceRanking.of(new double[] {0.1, 0.4, 0.7, 0.4, 0.9}, labels)),
                "the same tie group sizes, other members");
        assertFalse(production.ranksAlike(SliceRanking.of(new double[] {0.1, 0.4, 0.4, 0.9, 0.9}, labels)),
                "a new tie");
    }
}
