package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.stats.PValueAdjustment;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.CancelledProgress;
import org.verdict.core.task.Progress;

class ComparisonEngineTest {
    private static final double EPS = 1e-12;
    private static final ComparisonOptions MIN_ONE = new ComparisonOptions(0.95, 1, 0.05, 1000, 7L,
            CorrectionMethod.HOLM, List.of());

    private final ComparisonEngine engine = new ComparisonEngine();

    private static SliceResult find(ComparisonReport report, Metric metric, String label) {
        return report.results().stream().filter(r -> r.metric() == metric && r.slice().label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " for " + label));
    }

    /**
     * The DeLong worked example of SliceRankingTest, as a pack: production AUC 0.85, candidate 0.75,
     * Var(Δ) = 0.0534375 on Welch's 4.1217888 degrees of freedom → p = 2·scipy.stats.t.sf(0.1/0.231166, 4.1217888)
     * = 0.6869883 and the 95 % interval from −0.1 − t.ppf(0.975, 4.1217888)·0.231166 = −0.7344080.
     * Accuracy at threshold 0.5: production predicts yes for .9 .8 .6 .7 .5 → correct on rows 1,2,3,7,8,9 = 6/9;
     * candidate yes for .8 .9 .6 .6 .5 → correct on 1,2,4,5,7,8 = 6/9. Discordant: row 3 (only production correct),
     * 9 (only production), 4 and 5 (only candidate): b = 2, c = 2 → exact McNemar p = 1.
     */
    @Test
    void binaryComparisonMatchesHandWorkedValues() {
        int[] labels = {1, 1, 1, 1, 0, 0, 0, 0, 0};
        double[] prod = {0.9, 0.8, 0.6, 0.4, 0.7, 0.5, 0.3, 0.3, 0.1};
        double[] cand = {0.8, 0.9, 0.2, 0.6, 0.4, 0.6, 0.3, 0.2, 0.5};
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null, Map.of());
        ComparisonReport report = engine.compare("test", table, "1", "2", Metric.ROC_AUC, MIN_ONE, Progress.NONE);

        SliceResult auc = find(report, Metric.ROC_AUC, "overall");
        assertEquals("delong", auc.test());
        assertEquals(0.85, auc.production().value(), EPS);
        assertEquals(0.75, auc.candidate().value(), EPS);
        assertEquals(-0.1, auc.delta(), EPS);
        assertEquals(0.686988321744414, auc.pValue(), 1e-9);
        assertEquals(-0.7344080388528813, auc.deltaCi().lower(), 1e-9);
        assertEquals(Verdict.INCONCLUSIVE, auc.verdict());
        assertTrue(auc.primary());

        SliceResult accuracy = find(report, Metric.ACCURACY, "overall");
        assertEquals(6.0 / 9, accuracy.production().value(), EPS);
        assertEquals(6.0 / 9, accuracy.candidate().value(), EPS);
        assertEquals("tango-score", accuracy.test());
        // McNemar's statistic (2 − 2)/√4 = 0: p = 1
        assertEquals(1.0, accuracy.pValue(), EPS);
        assertFalse(accuracy.primary());
    }

    /**
     * Score metrics by hand. Labels 1 0 1 0 1 0.
     * Production scores .9 .3 .6 .05 .85 .58; candidate 1.0 on a negative (log loss clipped) and 0.0 on a negative.
     * brier: production (.01 + .09 + .16 + .0025 + .0225 + .3364)/6 = .6214/6; candidate
     * (.04 + 1 + .4225 + 0 + .0625 + .25)/6 = 1.775/6.
     * sq_calibration_error, bins (i/10, (i+1)/10], gaps d = score − label, a bin of m ≥ 2 adds
     * ((Σd)² − Σd²) / ((m − 1)·n), bins of one example nothing: production bin 8 {.9+, .85+}: d −.1, −.15 →
     * (.0625 − .0325)/6; bin 5 {.6+, .58−}: d −.4, .58 → (.0324 − .4964)/6; total −.434/6 (an unbiased estimate can
     * be negative). Candidate bin 7 {.8+, .75+}: d −.2, −.25 → (.2025 − .1025)/6 = .1/6; the other bins hold one each.
     * pr_auc: production ranks every positive first → 1; candidate descending 1.0− .8+ .75+ .5− .35+ → precision at
     * the positives 1/2, 2/3, 3/5 → AP = (1/2 + 2/3 + 3/5)/3. roc_auc production 1 (.6 > .58).
     */
    @Test
    void scoreMetricsByHand() {
        int[] labels = {1, 0, 1, 0, 1, 0};
        double[] prod = {0.9, 0.3, 0.6, 0.05, 0.85, 0.58};
        double[] cand = {0.8, 1.0, 0.35, 0.0, 0.75, 0.5};
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null, Map.of());
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.LOG_LOSS, MIN_ONE, Progress.NONE);
        double clip = 1e-15;
        assertEquals(-(Math.log(0.9) + Math.log(0.7) + Math.log(0.6) + Math.log(0.95) + Math.log(0.85)
                + Math.log(0.42)) / 6, find(report, Metric.LOG_LOSS, "overall").production().value(), 1e-12);
        assertEquals(-(Math.log(0.8) + Math.log(1 - (1 - clip)) + Math.log(0.35) + Math.log(1 - clip)
                + Math.log(0.75) + Math.log(0.5)) / 6, find(report, Metric.LOG_LOSS, "overall").candidate().value(), 1e-12);
        assertEquals(0.6214 / 6, find(report, Metric.BRIER, "overall").production().value(), 1e-12);
        assertEquals(1.775 / 6, find(report, Metric.BRIER, "overall").candidate().value(), 1e-12);
        assertEquals(-0.434 / 6, find(report, Metric.SQ_CALIBRATION_ERROR, "overall").production().value(), 1e-12);
        assertEquals(0.1 / 6, find(report, Metric.SQ_CALIBRATION_ERROR, "overall").candidate().value(), 1e-12);
        assertEquals("production's debiased squared calibration error is below 0: its calibration here is within the "
                + "estimator's noise of perfect (the plug-in value, never negative, is biased upward)",
                find(report, Metric.SQ_CALIBRATION_ERROR, "overall").note(), "a negative estimate is said, not left");
        String brierNote = find(report, Metric.BRIER, "overall").note();
        assertTrue(brierNote == null || !brierNote.contains("calibration error"), "only where it is");
        SliceResult ap = find(report, Metric.PR_AUC, "overall");
        assertEquals(1.0, ap.production().value(), 1e-12);
        assertEquals((0.5 + 2.0 / 3 + 0.6) / 3, ap.candidate().value(), 1e-12);
        assertNull(ap.pValue(), ap.toString());
        assertNull(ap.test(), "an untested Δ names no test");
        assertEquals(1.0, find(report, Metric.ROC_AUC, "overall").production().value(), 1e-12);
        // 3 positives: too few for an interval of the calibration error, so its Δ is not tested and names no test
        SliceResult calibration = find(report, Metric.SQ_CALIBRATION_ERROR, "overall");
        assertNull(calibration.pValue(), calibration.toString());
        assertNull(calibration.test(), calibration.toString());
    }

    /**
     * Labels 1 1 1 1 1 0 0 0 0 0 0 0 1 0; production predicts 1 1 0 0 1 0 1 0 0 0 1 0 0 0, the candidate
     * 1 1 1 0 1 0 0 0 1 0 0 0 1 0 (scores 0.9 / 0.1 and 0.8 / 0.2 for its predictions).
     */
    private static EvaluationTable fourteenPairedPredictions() {
        int[] labels = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0};
        int[] prod = {1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0};
        int[] cand = {1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0};
        double[] prodScores = new double[labels.length];
        double[] candScores = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            prodScores[i] = prod[i] == 1 ? 0.9 : 0.1;
            candScores[i] = cand[i] == 1 ? 0.8 : 0.2;
        }
        return TestTables.binary(labels, prodScores, candScores, null, null, Map.of());
    }

    /**
     * Δ of a count metric uses the jackknife standard error with t on n − 1 degrees of freedom. Labels
     * 1 1 1 1 1 0 0 0 0 0 0 0 1 0; production predicts 1 1 0 0 1 0 1 0 0 0 1 0 0 0 (f1 6/11), the candidate
     * 1 1 1 0 1 0 0 0 1 0 0 0 1 0 (f1 10/12). Computed with numpy from the definition, leaving each row out in turn:
     * Δ = 0.2878788, SE_jack = 0.1958528, p = 2·scipy.stats.t.sf(Δ/SE, 13) = 0.1653795, lower end −0.1352356.
     */
    @Test
    void countMetricDeltaUsesTheJackknifeStandardError() {
        EvaluationTable table = fourteenPairedPredictions();
        SliceResult f1 = find(engine.compare("t", table, "1", "2", Metric.F1, MIN_ONE, Progress.NONE), Metric.F1,
                "overall");
        assertEquals(0.28787878787878796, f1.delta(), EPS);
        assertEquals(0.16537954908998967, f1.pValue(), 1e-9);
        assertEquals(-0.1352355547392894, f1.deltaCi().lower(), 1e-9);
    }

    /**
     * Each model's f1 is the modified Wilson interval of its Jaccard index tp / (tp + fp + fn), mapped by 2J / (1 + J);
     * Δ keeps the jackknife t interval above. The data of {@link #countMetricDeltaUsesTheJackknifeStandardError}:
     * production tp 3, fp 2, fn 3, the candidate tp 5, fp 1, fn 1. Computed with SciPy:
     * scipy.stats.binomtest(tp, tp + fp + fn).proportion_ci(0.95, method='wilson'), mapped: production 6/11 →
     * (0.2407441, 0.8195420); the candidate's 5 of 7 is 2 failures from 7, so its upper end is the Poisson one,
     * 1 − chi2.ppf(0.05, 4) / 2 / 7, mapped: 10/12 → (0.5282587, 0.9739560).
     */
    @Test
    void f1OfEachModelIsTheModifiedWilsonIntervalOfItsJaccardIndex() {
        SliceResult f1 = find(engine.compare("t", fourteenPairedPredictions(), "1", "2", Metric.F1, MIN_ONE,
                Progress.NONE), Metric.F1, "overall");
        assertEquals(6.0 / 11, f1.production().value(), EPS);
        assertEquals(0.24074411514407051, f1.production().ci().lower(), 1e-9);
        assertEquals(0.8195419671550371, f1.production().ci().upper(), 1e-9);
        assertEquals(10.0 / 12, f1.candidate().value(), EPS);
        assertEquals(0.5282586681772189, f1.candidate().ci().lower(), 1e-9);
        assertEquals(0.9739559599928354, f1.candidate().ci().upper(), 1e-9);
        assertEquals("paired-bootstrap-cells", f1.test());
        assertEquals("paired contingency cells: modified Wilson of tp / (tp + fp + fn) for each model, jackknife t for Δ",
                TestMethods.methodOf(f1));
        // the verdict stands on Δ's interval alone: it contains 0 here, so the verdict is inconclusive
        assertTrue(f1.deltaCi().lower() < 0 && f1.deltaCi().upper() > 0);
        assertEquals(Verdict.INCONCLUSIVE, f1.verdict());
    }

    /**
     * Δ balanced_accuracy of a binary model is ½·Δrecall − ½·Δfpr, each paired rate with Tango's score interval, the two
     * combined by MOVER: the data of {@link #countMetricDeltaUsesTheJackknifeStandardError}, positives 2 rows right only
     * for the candidate and none only for production (of 6), negatives flagged only by the candidate once and only by
     * production twice (of 8). Computed apart with scipy (Tango's statistic solved by brentq, the MOVER sum, the level
     * at which the lower end reaches 0 by brentq): Δ = 0.2291667, interval (−0.1159982, 0.5015050), p = 0.1616388.
     */
    @Test
    void balancedAccuracyDeltaIsMoverOverTangoIntervalsAndEachModelAMeanOfWilsonIntervals() {
        EvaluationTable table = fourteenPairedPredictions();
        SliceResult balanced = find(engine.compare("t", table, "1", "2", Metric.BALANCED_ACCURACY, MIN_ONE,
                Progress.NONE), Metric.BALANCED_ACCURACY, "overall");
        assertEquals(0.625, balanced.production().value(), EPS);
        assertEquals(0.8541666666666667, balanced.candidate().value(), EPS);
        assertEquals(0.161638847930, balanced.pValue(), 1e-9);
        assertEquals("mover-tango-score", balanced.test());
        assertEquals(-0.115998168418, balanced.deltaCi().lower(), 1e-9);
        assertEquals(0.501505035451, balanced.deltaCi().upper(), 1e-9);
        // each model: the MOVER-Wilson interval of the mean of the two recalls (production 3/6 and 6/8, candidate 5/6
        // and 7/8), from the Wilson formula in numpy: mean − √Σ(p − l)²/2, mean + √Σ(u − p)²/2, each recall's upper
        // end within 2 of its class's count the Poisson one of Brown, Cai & DasGupta, 1 − chi2.ppf(0.05, 2(n − x)) / 2n
        // (Wilson's alone gave the upper ends 0.8048980568649562 and 0.9395867520612963)
        assertEquals(0.39387405794358465, balanced.production().ci().lower(), 1e-9);
        assertEquals(0.8119803671065623, balanced.production().ci().upper(), 1e-9);
        assertEquals(0.5909568791766069, balanced.candidate().ci().lower(), 1e-9);
        assertEquals(0.9529902818346303, balanced.candidate().ci().upper(), 1e-9);
    }

    /**
     * Δ macro_f1 leaves each row out within its label class (the stratified jackknife) and takes t on
     * Welch–Satterthwaite's degrees of freedom over the classes. 18 rows, labels a×7, b×6, c×5; production predicts
     * a a a a b c a | b b a b c b | c c a c b, the candidate a a a b a a a | b b b c b b | c c c a c. Computed with numpy,
     * macro F1 written from its definition and re-evaluated on the 17 rows left after each row in turn:
     * production 0.6603175, candidate 0.8301587; per class v_h = (n_h − 1)/n_h · Σ(Δ₍₋ᵢ₎ − mean_h)², SE = √Σv_h =
     * 0.1697534, ν = (Σv_h)²/Σ(v_h²/(n_h − 1)) = 13.402243, p = 2·scipy.stats.t.sf(Δ/SE, ν) = 0.3347827, interval
     * Δ ± t.ppf(0.975, ν)·SE = (−0.1957729, 0.5354554). (The plain jackknife with t(17) would give SE 0.1815935 and
     * p 0.3627391.)
     */
    @Test
    void macroF1DeltaUsesTheJackknifeStratifiedByLabelClass() {
        int[] labels = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
        int[] prod = {0, 0, 0, 0, 1, 2, 0, 1, 1, 0, 1, 2, 1, 2, 2, 0, 2, 1};
        int[] cand = {0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 2, 1, 1, 2, 2, 2, 0, 2};
        EvaluationTable table = TestTables.multiclass(List.of("a", "b", "c"), labels, prod, cand, Map.of());
        SliceResult f1 = find(engine.compare("t", table, "1", "2", Metric.MACRO_F1, MIN_ONE, Progress.NONE),
                Metric.MACRO_F1, "overall");
        assertEquals(0.6603174603174603, f1.production().value(), EPS);
        assertEquals(0.8301587301587302, f1.candidate().value(), EPS);
        assertEquals(0.3347827160913305, f1.pValue(), 1e-9);
        assertEquals(-0.19577285683503087, f1.deltaCi().lower(), 1e-9);
        assertEquals(0.5354553965175707, f1.deltaCi().upper(), 1e-9);
    }

    /**
     * Each model's cohen_kappa is Fisher's z interval and its weighted_f1 the logit interval, both with the jackknife
     * variance over rows. The 18 rows of the macro_f1 test; computed with scikit-learn's cohen_kappa_score and
     * f1_score(average='weighted', labels=[0, 1, 2], zero_division=0) on the 17 rows left after each row in turn,
     * v = (n − 1)/n · Σ(θ₍₋ᵢ₎ − mean)², z = norm.ppf(0.975): kappa tanh(arctanh(κ) ± z·√v/(1 − κ²)), production
     * 0.4953271 → (0.0821735, 0.7631982), candidate 0.7476636 → (0.3376727, 0.9191946); weighted_f1
     * expit(logit(θ) ± z·√v/(θ(1 − θ))), production 2/3 → (0.4215897, 0.8458669), candidate 5/6 → (0.5826830,
     * 0.9471039).
     */
    @Test
    void kappaAndWeightedF1OfEachModelUseTheJackknifeOnFisherZAndLogitScales() {
        int[] labels = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
        int[] prod = {0, 0, 0, 0, 1, 2, 0, 1, 1, 0, 1, 2, 1, 2, 2, 0, 2, 1};
        int[] cand = {0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 2, 1, 1, 2, 2, 2, 0, 2};
        ComparisonReport report = engine.compare("t", TestTables.multiclass(List.of("a", "b", "c"), labels, prod, cand,
                Map.of()), "1", "2", Metric.COHEN_KAPPA, MIN_ONE, Progress.NONE);
        SliceResult kappa = find(report, Metric.COHEN_KAPPA, "overall");
        assertEquals(0.4953271028037384, kappa.production().value(), EPS);
        assertEquals(0.08217353717658367, kappa.production().ci().lower(), 1e-9);
        assertEquals(0.7631981887078603, kappa.production().ci().upper(), 1e-9);
        assertEquals(0.33767265281414166, kappa.candidate().ci().lower(), 1e-9);
        assertEquals(0.9191945812388732, kappa.candidate().ci().upper(), 1e-9);
        SliceResult weighted = find(report, Metric.WEIGHTED_F1, "overall");
        assertEquals(2.0 / 3, weighted.production().value(), EPS);
        assertEquals(0.42158970336207796, weighted.production().ci().lower(), 1e-9);
        assertEquals(0.8458668681621354, weighted.production().ci().upper(), 1e-9);
        assertEquals(0.5826830103897251, weighted.candidate().ci().lower(), 1e-9);
        assertEquals(0.947103870836766, weighted.candidate().ci().upper(), 1e-9);
    }

    /**
     * Δ pr_auc on a row-bootstrapped slice uses the influence function's standard error with t on the effective degrees
     * of freedom. Production ranks the positives 1st, 3rd, 4th, 5th, 7th and 10th: AP = (1 + 2/3 + 3/4 + 4/5 + 5/7 +
     * 6/10)/6 = 0.7551587; the candidate 1st to 5th and 8th: (5 + 6/8)/6 = 0.9583333. Computed with numpy: each row's
     * influence as a central finite difference (h = 1e-6) of a weighted average precision written from the definition,
     * d = ψ_candidate − ψ_production, SE = √Σd² = 0.1625589, ν = (Σd²)²/Σd⁴ = 2.5736824, p = 2·scipy.stats.t.sf(Δ/SE, ν)
     * = 0.3129577, interval Δ ∓ t.ppf(0.975, ν)·SE = (−0.3661861, 0.7725353), whose upper end is cut at 1 −
     * production's 0.7551587, the Δ of a candidate at 1.
     */
    @Test
    void prAucDeltaUsesTheInfluenceStandardError() {
        int[] labels = {1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0};
        double[] prod = {0.91, 0.40, 0.35, 0.77, 0.62, 0.10, 0.55, 0.28, 0.83, 0.66, 0.05, 0.47, 0.71, 0.20};
        double[] cand = {0.88, 0.30, 0.64, 0.81, 0.52, 0.15, 0.60, 0.45, 0.36, 0.73, 0.12, 0.58, 0.49, 0.08};
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null, Map.of());
        SliceResult ap = find(engine.compare("t", table, "1", "2", Metric.PR_AUC, MIN_ONE, Progress.NONE),
                Metric.PR_AUC, "overall");
        assertEquals("paired-bootstrap", ap.test());
        assertEquals(0.7551587301587301, ap.production().value(), 1e-12);
        assertEquals(0.9583333333333334, ap.candidate().value(), 1e-12);
        assertEquals(0.31295771398168304, ap.pValue(), 1e-6);
        assertEquals(-0.3661860960167538, ap.deltaCi().lower(), 1e-6);
        assertEquals(1 - 0.7551587301587301, ap.deltaCi().upper(), 1e-12);
        assertEquals(SliceResult.BoundEnds.UPPER, ap.boundEnds(ap.deltaCi()));
    }

    /** Above 2,000 examples pr_auc uses the influence function; the calibration metrics resample hashed blocks. */
    @Test
    void largeSlicesNameTheScalableMethods() {
        EvaluationTable table = randomBinary(3000, 12, 0.1);
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.PR_AUC, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        assertEquals("paired-influence-normal", find(report, Metric.PR_AUC, "overall").test());
        assertEquals("paired-hashed-block-bootstrap", find(report, Metric.BRIER, "overall").test());
        assertEquals("paired-bootstrap", find(report, Metric.PR_AUC, "segment=a").test());
        assertEquals("paired-bootstrap-cells", find(report, Metric.F1, "overall").test());
    }

    @Test
    void resultsComeOverallFirstThenEachDimensionThenCrossesAndEveryMetricOfTheTask() {
        EvaluationTable table = randomBinary(600, 1, 0.0);
        ComparisonOptions options = ComparisonOptions.DEFAULTS.withCrosses(List.of(List.of("segment", "language")));
        ComparisonReport report = engine.compare("test", table, "1", "2", Metric.F1, options, Progress.NONE);
        List<String> slices = report.results().stream().map(r -> r.slice().label()).distinct().toList();
        assertEquals("overall", slices.get(0));
        assertEquals(List.of("segment=a", "segment=b", "language=de", "language=en", "language=fr"), slices.subList(1, 6));
        assertEquals("segment=a × language=de", slices.get(6));
        assertEquals(1 + 2 + 3 + 6, slices.size());
        assertEquals(Metric.forTask(table.task()).size() * slices.size(), report.results().size());
    }

    @Test
    void pValuesAreAdjustedByHolmAcrossTheSlicesOfEachMetric() {
        EvaluationTable table = randomBinary(3000, 2, 0.08);
        ComparisonReport report = engine.compare("test", table, "1", "2", Metric.ACCURACY, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        // the overall slice is tested alone; the slices form the family
        SliceResult overall = report.resultsFor(Metric.ACCURACY).get(0);
        assertTrue(overall.slice().isOverall());
        assertEquals(overall.pValue(), overall.adjustedP());
        List<SliceResult> accuracy = report.resultsFor(Metric.ACCURACY).stream().filter(r -> !r.slice().isOverall())
                .toList();
        double[] raw = accuracy.stream().mapToDouble(SliceResult::pValue).toArray();
        double[] holm = PValueAdjustment.holm(raw);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(holm[i], accuracy.get(i).adjustedP(), EPS);
            assertEquals(TestFamily.SLICES, accuracy.get(i).shownInterval().family());
        }
        assertEquals(accuracy.size(), report.correctedTests());
        assertEquals(accuracy.size(), report.correctedTestsByMetric().get(Metric.ACCURACY));
    }

    @Test
    void clearlyBetterCandidateIsBetterAndLowerLogLossCountsAsBetter() {
        EvaluationTable table = randomBinary(4000, 3, 0.25);
        ComparisonReport report = engine.compare("test", table, "1", "2", Metric.ROC_AUC, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        assertEquals(Verdict.BETTER, find(report, Metric.ROC_AUC, "overall").verdict());
        assertEquals(Verdict.BETTER, find(report, Metric.ACCURACY, "overall").verdict());
        SliceResult logLoss = find(report, Metric.LOG_LOSS, "overall");
        assertTrue(logLoss.delta() < 0, "the candidate's log loss is lower");
        assertEquals(Verdict.BETTER, logLoss.verdict());

        ComparisonReport reversed = engine.compare("test", table, "2", "1", Metric.ROC_AUC, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        assertEquals(Verdict.WORSE, find(reversed, Metric.LOG_LOSS, "overall").verdict());
        assertEquals(Verdict.WORSE, find(reversed, Metric.ROC_AUC, "overall").verdict());
    }

    @Test
    void identicalModelsShowNoSignificantDifferenceOnALargeSlice() {
        EvaluationTable base = randomBinary(20000, 4, 0.0);
        EvaluationTable same = TestTables.binary(base.labelCodes(), base.predictionsOf("1").scores(),
                base.predictionsOf("1").scores(), null, null, Map.of());
        ComparisonReport report = engine.compare("test", same, "1", "2", Metric.ROC_AUC, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        for (SliceResult r : report.results()) {
            assertEquals(0.0, r.delta(), EPS);
            if ("tango-score".equals(r.test())) {
                // a score interval of paired rates has width even with no discordant pair: ±z²/(n + z²)
                assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, r.verdict(), r.metric().wireName());
                if (r.metric() == Metric.ACCURACY) {
                    double z2 = 1.959963984540054 * 1.959963984540054;
                    assertEquals(z2 / (20000 + z2), r.deltaCi().upper(), 1e-9);
                }
            } else if (r.metric() == Metric.ROC_AUC) {
                // the models may still order pairs not seen differently: |Δ| ≤ the share of such pairs, bounded by
                // its exact limit for 0 in the min(positives, negatives) matched pairs, for the overall slice at 95 %
                assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, r.verdict(), r.slice().label());
                assertEquals(1.0, r.pValue(), 0.0);
                if (r.slice().isOverall()) {
                    long positives = Arrays.stream(base.labelCodes()).filter(code -> code == 1).count();
                    double bound = 1 - Math.pow(0.05, 1.0 / Math.min(positives, 20000 - positives));
                    assertEquals(bound, r.deltaCi().upper(), 1e-12);
                    assertEquals(-bound, r.deltaCi().lower(), 1e-12);
                    assertTrue(bound < 0.002, "20,000 agreeing examples bound Δ tightly: " + bound);
                }
            } else if (r.metric() == Metric.PR_AUC || r.metric() == Metric.SQ_CALIBRATION_ERROR) {
                // every resample gives Δ = 0 and agreement bounds neither: no zero-width interval, no claim either way
                assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.metric().wireName());
                assertNull(r.deltaCi());
                assertTrue(r.isUnstable(), r.metric().wireName());
            } else {
                // bounded by how often the models could disagree (IdenticalModelsAgreementBoundTest has the widths)
                assertEquals("identical-scores-agreement-bound", r.test(), r.metric().wireName());
                assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, r.verdict(), r.metric().wireName());
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalResultsAndAnotherSeedOtherIntervals() {
        EvaluationTable table = randomBinary(2000, 5, 0.05);
        ComparisonReport first = engine.compare("t", table, "1", "2", Metric.F1, ComparisonOptions.DEFAULTS, Progress.NONE);
        ComparisonReport second = engine.compare("t", table, "1", "2", Metric.F1, ComparisonOptions.DEFAULTS, Progress.NONE);
        assertEquals(first.results(), second.results());
        ComparisonOptions otherSeed = new ComparisonOptions(0.95, 30, 0.05, 1000, 99L, CorrectionMethod.HOLM, List.of());
        ComparisonReport third = engine.compare("t", table, "1", "2", Metric.F1, otherSeed, Progress.NONE);
        // f1's Δ uses the jackknife, which has no seed; brier's Δ the bootstrap's standard error
        assertNotEquals(find(first, Metric.BRIER, "overall").deltaCi(), find(third, Metric.BRIER, "overall").deltaCi());
    }

    @Test
    void slicesBelowTheMinimumAreTooFewExamplesAndLeaveTheFamily() {
        int n = 100;
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            group[i] = i == 0 ? "tiny" : "large";
        }
        EvaluationTable base = randomBinary(n, 6, 0.1);
        EvaluationTable table = TestTables.binary(base.labelCodes(), base.predictionsOf("1").scores(),
                base.predictionsOf("2").scores(), null, null, TestTables.columns(TestTables.column("group", group)));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ACCURACY, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        SliceResult tiny = find(report, Metric.ACCURACY, "group=tiny");
        assertEquals(1, tiny.n());
        assertEquals(Verdict.TOO_FEW_EXAMPLES, tiny.verdict());
        assertNull(tiny.adjustedP());
        assertNull(tiny.deltaCi(), "no interval beside a verdict that does not test");
        assertNull(tiny.unadjustedCi(), "nor one away from it: Δ is not tested under the minimum");
        assertNotNull(tiny.production().ci(), "Wilson's interval is valid at any size");
        // group=large is the whole family: the overall slice is tested alone
        assertEquals(1, report.correctedTestsByMetric().get(Metric.ACCURACY));
    }

    @Test
    void oneClassSliceMakesAucUnavailableWithTheReason() {
        int[] labels = {0, 0, 0, 1, 1, 0};
        double[] prod = {0.1, 0.2, 0.6, 0.7, 0.4, 0.3};
        double[] cand = {0.2, 0.1, 0.3, 0.9, 0.8, 0.4};
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null,
                TestTables.columns(TestTables.column("seg", "x", "x", "x", "y", "y", "y")));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ROC_AUC, MIN_ONE, Progress.NONE);
        SliceResult auc = find(report, Metric.ROC_AUC, "seg=x");
        assertEquals(Verdict.UNAVAILABLE, auc.verdict());
        assertTrue(auc.unavailableReason().contains("only negative examples"), auc.unavailableReason());
        assertNull(auc.production());
        assertNull(auc.delta());
        // recall in a slice without positives is unavailable too, never 0
        assertEquals(Verdict.UNAVAILABLE, find(report, Metric.RECALL, "seg=x").verdict());
        // accuracy is defined: production right on rows 1, 2 (0.6 ≥ .5 wrong) → 2/3
        assertEquals(2.0 / 3, find(report, Metric.ACCURACY, "seg=x").production().value(), EPS);
    }

    /**
     * Production predicts no positive in the slice: its precision is undefined, the candidate's is not. Candidate:
     * 3 predicted positives, 2 of them right → 2/3 with Wilson's interval (z = 1.96, n = 3): centre (2 + 1.92)/6.84
     * = 0.5731, half-width 1.96·√(2/3·1/3/3 + 3.84/36)/(1 + 3.84/3) = 0.3789 → [0.2077, 0.9385].
     */
    @Test
    void whenOneModelsMetricIsUndefinedTheOthersValueStillShows() {
        int[] labels = {1, 1, 0, 0, 1, 0, 0, 0};
        int[] prod = {0, 0, 0, 0, 0, 0, 0, 0};
        int[] cand = {1, 1, 1, 0, 0, 0, 0, 0};
        EvaluationTable table = TestTables.binary(labels, null, null, prod, cand, Map.of());
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.F1, MIN_ONE, Progress.NONE);
        SliceResult precision = find(report, Metric.PRECISION, "overall");
        assertEquals(Verdict.UNAVAILABLE, precision.verdict());
        assertNull(precision.production());
        assertNull(precision.delta());
        assertEquals(2.0 / 3, precision.candidate().value(), EPS);
        // 2 of 3: the modified Wilson interval's Poisson ends (SciPy: chi2.ppf(0.05, 4) / 2 / 3 and
        // 1 − chi2.ppf(0.05, 2) / 2 / 3)
        assertEquals(0.11845383689955398, precision.candidate().ci().lower(), 1e-12);
        assertEquals(0.9829022352041499, precision.candidate().ci().upper(), 1e-12);
        assertEquals("production 1: no example is predicted yes, so Δ is unavailable", precision.unavailableReason());
    }

    /**
     * A rate within a few successes or failures of either end takes Brown, Cai &amp; DasGupta's (2001) modified Wilson
     * interval, whose bound there is the Poisson one: ½·χ²(2x) at quantile α over n. With 2 degrees of freedom that
     * quantile is −2·ln(1 − α), so 1 hit or miss gives the bound −ln(0.95)/n by hand. 100 rows, 2 positives: production
     * catches 1 (recall 1/2) and calls one negative positive (fpr 1/98, accuracy 98/100); the candidate catches both
     * (2/2) and calls no negative positive. Wilson's interval of recall 1/2, [0.0945, 0.9055], misses a true recall of
     * 0.05 or 0.95 every time the slice holds a single hit among 2 positives; this one does not.
     */
    @Test
    void ratesOfAHandfulOfPositivesOrErrorsTakeThePoissonBoundNearTheEnds() {
        int n = 100;
        int[] labels = new int[n];
        int[] prod = new int[n];
        int[] cand = new int[n];
        labels[0] = 1;
        labels[1] = 1;
        prod[0] = 1;
        prod[50] = 1;
        cand[0] = 1;
        cand[1] = 1;
        ComparisonReport report = engine.compare("t", TestTables.binary(labels, null, null, prod, cand, Map.of()), "1",
                "2", Metric.RECALL, MIN_ONE, Progress.NONE);
        double oneHitOrMiss = -Math.log(0.95);
        for (Metric recall : List.of(Metric.RECALL, Metric.TPR)) {
            SliceResult result = find(report, recall, "overall");
            assertEquals(0.5, result.production().value(), EPS);
            assertEquals(oneHitOrMiss / 2, result.production().ci().lower(), 1e-12);
            assertEquals(1 - oneHitOrMiss / 2, result.production().ci().upper(), 1e-12);
            // 2 of 2: the lower bound is ½·χ²(4) at 0.05 over 2 (SciPy: chi2.ppf(0.05, 4) / 4); Wilson's was 2 / (2 + z²)
            assertEquals(0.17768075534933112, result.candidate().ci().lower(), 1e-12);
            assertEquals(1, result.candidate().ci().upper(), 0);
        }
        SliceResult fpr = find(report, Metric.FPR, "overall");
        assertEquals(oneHitOrMiss / 98, fpr.production().ci().lower(), 1e-12);
        // 2 of 100 wrong: the upper bound is 1 − ½·χ²(4) at 0.05 over 100
        SliceResult accuracy = find(report, Metric.ACCURACY, "overall");
        assertEquals(0.98, accuracy.production().value(), EPS);
        assertEquals(1 - 0.17768075534933112 * 2 / 100, accuracy.production().ci().upper(), 1e-12);
    }

    @Test
    void allTiedScoresGiveAucOneHalf() {
        int[] labels = {0, 1, 0, 1, 0, 1};
        double[] tied = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        EvaluationTable table = TestTables.binary(labels, tied, tied, null, null, Map.of());
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ROC_AUC, MIN_ONE, Progress.NONE);
        SliceResult auc = find(report, Metric.ROC_AUC, "overall");
        assertEquals(0.5, auc.production().value(), EPS);
        assertEquals(0.0, auc.delta(), EPS);
        // DeLong's variance is 0 for both models: no interval rather than a zero-width one. The scores are the
        // same, so Δ's interval is the agreement bound over min(3, 3) matched pairs: 1 − 0.05^(1/3) = 0.6316
        assertNull(auc.production().ci());
        assertEquals(0.6315968501359612, auc.deltaCi().upper(), 1e-12);
        assertEquals(-0.6315968501359612, auc.deltaCi().lower(), 1e-12);
        assertFalse(auc.isUnstable());
        assertEquals(Verdict.INCONCLUSIVE, auc.verdict(), "an interval that wide shows no small difference either");
    }

    /**
     * Both models separate the classes perfectly with different scores: Δ is 0, but not known to be by agreement. Each
     * model's true AUC is at least 0.025^(1/3) = 0.2924 at 95 % (3 of each class; NumPy), so Δ lies within ±0.7076,
     * p = 1: inconclusive, no longer unstable (docs/statistics.md, "Perfect separation").
     */
    @Test
    void twoPerfectRankingsWithDifferentScoresAreBoundedByTheirExactBounds() {
        int[] labels = {0, 1, 0, 1, 0, 1};
        double[] production = {0.1, 0.9, 0.2, 0.8, 0.3, 0.7};
        double[] candidate = {0.2, 0.95, 0.1, 0.85, 0.25, 0.6};
        EvaluationTable table = TestTables.binary(labels, production, candidate, null, null, Map.of());
        SliceResult auc = find(engine.compare("t", table, "1", "2", Metric.ROC_AUC, MIN_ONE, Progress.NONE),
                Metric.ROC_AUC, "overall");
        assertEquals(1.0, auc.production().value(), EPS);
        assertEquals(0.2924017738212866, auc.production().ci().lower(), 1e-12);
        assertEquals("mover-separation-bound", auc.test());
        assertEquals(-0.7075982261787134, auc.deltaCi().lower(), 1e-9);
        assertEquals(0.7075982261787134, auc.deltaCi().upper(), 1e-9);
        assertEquals(1.0, auc.pValue(), 0);
        assertFalse(auc.isUnstable());
        assertEquals(Verdict.INCONCLUSIVE, auc.verdict());
    }

    @Test
    void packWithoutScoresReportsScoreMetricsUnavailable() {
        int[] labels = {0, 1, 1, 0};
        EvaluationTable table = TestTables.binary(labels, null, null, new int[] {0, 1, 0, 0}, new int[] {0, 1, 1, 0},
                Map.of());
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ACCURACY, MIN_ONE, Progress.NONE);
        for (Metric metric : List.of(Metric.ROC_AUC, Metric.PR_AUC, Metric.LOG_LOSS, Metric.BRIER, Metric.SQ_CALIBRATION_ERROR)) {
            SliceResult r = find(report, metric, "overall");
            assertEquals(Verdict.UNAVAILABLE, r.verdict());
            assertTrue(r.unavailableReason().contains("score_1 is missing"), r.unavailableReason());
        }
        assertEquals(0.75, find(report, Metric.ACCURACY, "overall").production().value(), EPS);
    }

    @Test
    void outOfRangeScoreIsAClearErrorNamingRowAndColumn() {
        EvaluationTable table = TestTables.binary(new int[] {0, 1}, new double[] {0.2, Double.NaN},
                new double[] {0.1, 0.9}, null, null, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.compare("t", table, "1", "2", Metric.ROC_AUC, MIN_ONE, Progress.NONE));
        assertTrue(e.getMessage().contains("score_1") && e.getMessage().contains("row 2")
                && e.getMessage().contains("ex-2"), e.getMessage());
        EvaluationTable above = TestTables.binary(new int[] {0, 1}, new double[] {0.2, 0.3},
                new double[] {0.1, 1.5}, null, null, Map.of());
        assertThrows(IllegalArgumentException.class,
                () -> engine.compare("t", above, "1", "2", Metric.ROC_AUC, MIN_ONE, Progress.NONE));
    }

    /**
     * Multiclass, classes a b c, slice "x" = rows 1-4: labels a a b c, production a b b c, candidate a a b b.
     * Production: a f1 = 2·1/(2+1) = 2/3, b = 2/(1+2) = 2/3, c = 1 → macro 7/9; accuracy 3/4.
     * Candidate: a = 1, b = 2/(1+2) = 2/3, c = 0 (labelled, never predicted) → macro 5/9; accuracy 3/4.
     */
    @Test
    void multiclassMacroF1ByHand() {
        EvaluationTable table = TestTables.multiclass(List.of("a", "b", "c"), new int[] {0, 0, 1, 2, 0},
                new int[] {0, 1, 1, 2, 0}, new int[] {0, 0, 1, 1, 0},
                TestTables.columns(TestTables.column("seg", "x", "x", "x", "x", "y")));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MACRO_F1, MIN_ONE, Progress.NONE);
        SliceResult f1 = find(report, Metric.MACRO_F1, "seg=x");
        assertEquals(7.0 / 9, f1.production().value(), EPS);
        assertEquals(5.0 / 9, f1.candidate().value(), EPS);
        assertEquals(-2.0 / 9, f1.delta(), EPS);
        assertEquals(0.75, find(report, Metric.ACCURACY, "seg=x").candidate().value(), EPS);
        assertTrue(f1.primary());

        ConfusionMatrix candidate = engine.confusionMatrix(table, "2", new SliceKey(List.of("seg"), List.of("x")));
        assertEquals(1, candidate.count(2, 1));
        assertEquals(4, candidate.total());
    }

    /**
     * Regression labels 0, 2, 4, 10; production 1, 2, 5, 8 (errors 1, 0, 1, −2); candidate 0, 3, 4, 10 (0, 1, 0, 0).
     * mae 4/4 = 1 vs 1/4; rmse √(6/4) vs √(1/4) = 0.5; mape skips label 0: (0 + 1/4 + 2/10)/3 = 0.15 vs (1/2)/3;
     * r2: mean 4, SST = 16 + 4 + 0 + 36 = 56 → 1 − 6/56 vs 1 − 1/56.
     */
    @Test
    void regressionMetricsByHandAndMapeCountsSkippedZeros() {
        EvaluationTable table = TestTables.regression(new double[] {0, 2, 4, 10}, new double[] {1, 2, 5, 8},
                new double[] {0, 3, 4, 10}, Map.of());
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MAE, MIN_ONE, Progress.NONE);
        assertEquals(1.0, find(report, Metric.MAE, "overall").production().value(), EPS);
        assertEquals(0.25, find(report, Metric.MAE, "overall").candidate().value(), EPS);
        assertEquals(Math.sqrt(1.5), find(report, Metric.RMSE, "overall").production().value(), EPS);
        SliceResult mape = find(report, Metric.MAPE, "overall");
        assertEquals(0.15, mape.production().value(), EPS);
        assertEquals(0.5 / 3, mape.candidate().value(), EPS);
        // four rows carry every mean: the note also names the percentile intervals that replace the studentized ones
        assertTrue(mape.note().startsWith("1 example with label 0 skipped; unstable studentized intervals"),
                mape.note());
        assertEquals(1 - 6.0 / 56, find(report, Metric.R2, "overall").production().value(), EPS);
        assertEquals(1 - 1.0 / 56, find(report, Metric.R2, "overall").candidate().value(), EPS);
        assertEquals("paired-bootstrap", mape.test());
    }

    /**
     * 100 labels of 10 and 3 of 0.01 (a refund of a cent among orders): mean |label| (1,000 + 0.03)/103 = 9.709, so
     * the 3 lie under 1 % of it (0.097). Production errs by 1 everywhere: relative errors 0.1 × 100 = 10 and
     * 100 × 3 = 300, the three holding 300/310 = 97 %; the candidate errs by 2 on the tens and 0.5 on the cents:
     * 0.2 × 100 = 20 and 50 × 3 = 150, 150/170 = 88 %. mape is then about the three cents, and its note says so.
     */
    @Test
    void mapeRestingOnLabelsNearZeroSaysSo() {
        int n = 103;
        double[] label = new double[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            boolean cent = i >= 100;
            label[i] = cent ? 0.01 : 10;
            production[i] = label[i] + 1;
            candidate[i] = label[i] + (cent ? 0.5 : 2);
        }
        ComparisonReport report = engine.compare("t", TestTables.regression(label, production, candidate, Map.of()),
                "1", "2", Metric.MAPE, MIN_ONE, Progress.NONE);
        SliceResult mape = find(report, Metric.MAPE, "overall");
        assertEquals(310.0 / 103, mape.production().value(), EPS);
        // (three rows also carry most of each model's relative error over the blocks: the fallback is said after it)
        assertTrue(mape.note().startsWith("3 of 103 labels (2.9%) are nearer 0 than 1% of their mean size (0.097) and"
                + " hold 97% of production's and 88% of the candidate's relative error, so mape here measures mostly"
                + " those examples"), mape.note());
        assertFalse(saysNearZero(find(report, Metric.MAE, "overall").note()), "the note is mape's alone");

        // the same cents predicted exactly by both: they hold none of the relative error, and nothing is said
        for (int i = 100; i < n; i++) {
            production[i] = label[i];
            candidate[i] = label[i];
        }
        ComparisonReport exact = engine.compare("t", TestTables.regression(label, production, candidate, Map.of()),
                "1", "2", Metric.MAPE, MIN_ONE, Progress.NONE);
        assertFalse(saysNearZero(find(exact, Metric.MAPE, "overall").note()));
    }

    private static boolean saysNearZero(String note) {
        return note != null && note.contains("nearer 0");
    }

    @Test
    void constantLabelsMakeR2Unavailable() {
        EvaluationTable table = TestTables.regression(new double[] {3, 3, 3}, new double[] {1, 2, 3},
                new double[] {3, 3, 4}, Map.of());
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MAE, MIN_ONE, Progress.NONE);
        assertTrue(find(report, Metric.R2, "overall").unavailableReason().contains("constant"));
    }

    @Test
    void rowsOfASliceAreItsTableRowsAndAnAbsentValueHasNone() {
        EvaluationTable table = TestTables.binary(new int[] {1, 0, 1, 0}, null, null, new int[] {1, 1, 0, 0},
                new int[] {1, 1, 0, 0}, TestTables.columns(TestTables.column("gender", "f", "m", "f", "m")));
        assertArrayEquals(new int[] {0, 2}, engine.rowsOf(table, new SliceKey(List.of("gender"), List.of("f"))));
        assertEquals(0, engine.rowsOf(table, new SliceKey(List.of("gender"), List.of("x"))).length);
    }

    @Test
    void cancellationStopsTheComparison() {
        EvaluationTable table = randomBinary(5000, 8, 0.0);
        Progress cancelled = new CancelledProgress();
        assertThrows(CancelledException.class,
                () -> engine.compare("t", table, "1", "2", Metric.ROC_AUC, ComparisonOptions.DEFAULTS, cancelled));
    }

    @Test
    void unknownCrossColumnIsRejected() {
        EvaluationTable table = randomBinary(100, 9, 0.0);
        ComparisonOptions options = ComparisonOptions.DEFAULTS.withCrosses(List.of(List.of("segment", "planet")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.compare("t", table, "1", "2", Metric.F1, options, Progress.NONE));
        assertTrue(e.getMessage().contains("planet"));
    }

    @Test
    void perModelIntervalsContainTheirEstimates() {
        EvaluationTable table = randomBinary(3000, 10, 0.1);
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ROC_AUC, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        for (SliceResult r : report.results()) {
            if (r.isAvailable()) {
                assertNotNull(r.production().ci(), r.metric() + " " + r.slice().label());
                assertTrue(r.production().ci().contains(r.production().value()), r.metric() + " " + r.slice().label());
                assertTrue(r.deltaCi().lower() <= r.deltaCi().upper());
            }
        }
    }

    /**
     * 120 rows: half=first holds A and B only (30 each), half=second A, B and C, each model with its own mistakes; the
     * candidate predicts C on the rows of the first half that {@code candidatePredictsC} names.
     */
    private static EvaluationTable twoHalves(IntPredicate candidatePredictsC) {
        int n = 120;
        int[] labels = new int[n];
        int[] prod = new int[n];
        int[] cand = new int[n];
        String[] half = new String[n];
        for (int i = 0; i < n; i++) {
            boolean first = i < 60;
            labels[i] = first ? i % 2 : i % 3;
            prod[i] = first ? (i % 7 == 0 ? 1 - labels[i] : labels[i]) : i % 4 == 0 ? (labels[i] + 1) % 3 : labels[i];
            cand[i] = first ? (candidatePredictsC.test(i) ? 2 : i % 5 == 0 ? 1 - labels[i] : labels[i])
                    : i % 6 == 0 ? (labels[i] + 2) % 3 : labels[i];
            half[i] = first ? "first" : "second";
        }
        return TestTables.multiclass(List.of("A", "B", "C"), labels, prod, cand,
                TestTables.columns(TestTables.column("half", half)));
    }

    /**
     * A class with no example in a slice that a model predicts there stays in that slice's F1 averages, with F1 0 for
     * both models, and the note says who predicts it on how many rows rather than call the averaged classes
     * "present". The same rows as the test below, but the candidate predicts C on rows 10 and 20 of the first half.
     * scikit-learn on the first half's rows: f1_score(labels=[A, B, C], average="macro", zero_division=0)
     * 0.5666388811706956 and 0.542528735632184 (average="macro" alone gives production 0.8499583217560434, over the
     * classes it uses); balanced_accuracy_score 0.85 and 0.8, over the 2 classes labelled.
     */
    @Test
    void aClassPredictedWhereItHasNoExampleCountsInTheF1AveragesAndTheNoteSaysWhoPredictsIt() {
        EvaluationTable table = twoHalves(i -> i == 10 || i == 20);
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS,
                Progress.NONE);

        SliceResult macro = find(report, Metric.MACRO_F1, "half=first");
        assertEquals(0.5666388811706956, macro.production().value(), 1e-12);
        assertEquals(0.542528735632184, macro.candidate().value(), 1e-12);
        assertEquals("macro_f1 and its intervals average the 3 classes labelled or predicted here; class C has no "
                + "example here but the candidate predicts it on 2 rows, so it counts with F1 0 for both models",
                macro.note());
        SliceResult balanced = find(report, Metric.BALANCED_ACCURACY, "half=first");
        assertEquals(0.85, balanced.production().value(), 1e-12);
        assertEquals(0.8, balanced.candidate().value(), 1e-12);
        assertEquals("class C has no example here, so balanced_accuracy and its intervals average the 2 classes "
                + "present", balanced.note());
    }

    /**
     * A class labelled elsewhere in the table but not in a slice is left out of that slice's per-class averages, its
     * intervals as well as its values (docs/statistics.md, "A class missing from the slice"): the slice is tested, and
     * the note says which classes the average runs over. 120 rows: half=first holds A and B only (30 each; neither
     * model predicts C there), half=second A, B and C. The values are scikit-learn's on the first half's rows:
     * f1_score(average="macro") 0.8499583217560434 and 0.8, balanced_accuracy_score 0.85 and 0.8.
     */
    @Test
    void aClassMissingFromASliceIsLeftOutOfItsAveragesAndTheirIntervals() throws Exception {
        EvaluationTable table = twoHalves(i -> false);
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        Map<Metric, double[]> scikitLearn = Map.of(Metric.MACRO_F1, new double[] {0.8499583217560434, 0.8},
                Metric.BALANCED_ACCURACY, new double[] {0.85, 0.8});
        for (Metric metric : scikitLearn.keySet()) {
            SliceResult first = find(report, metric, "half=first");
            assertEquals(scikitLearn.get(metric)[0], first.production().value(), 1e-12, metric.wireName());
            assertEquals(scikitLearn.get(metric)[1], first.candidate().value(), 1e-12, metric.wireName());
            assertNull(first.unstableReason(), metric.wireName());
            assertEquals("class C has no example here, so " + metric.wireName() + " and its intervals average the 2"
                    + " classes present", first.note());
            assertNotNull(first.pValue(), metric.wireName());
            assertTrue(first.deltaCi().contains(first.delta()), first.toString());
            assertTrue(first.production().ci().contains(first.production().value()), first.toString());
            assertTrue(first.candidate().ci().contains(first.candidate().value()), first.toString());
            assertEquals(30L, first.counts().smallestClassSupport(), "the smallest class present, not C's 0");
            assertNull(find(report, metric, "half=second").note(), "every class is present there");
        }
        // compare --json says the same (m1's language=ja gives c10's 2 rows beside its note on c11, not c11's 0)
        int read = 0;
        for (com.fasterxml.jackson.databind.JsonNode r : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(new ComparisonJson().write(report, result -> true, List.of())).get("results")) {
            if (r.get("values").toString().equals("[\"first\"]") && r.get("metric").asText().equals("macro_f1")) {
                assertEquals(30, r.get("counts").get("smallestClass").get("support").asInt(), r.toString());
                assertNotEquals("C", r.get("counts").get("smallestClass").get("class").asText(), r.toString());
                assertTrue(r.get("note").asText().startsWith("class C has no example here"), r.toString());
                read++;
            }
        }
        assertEquals(1, read);
    }

    /**
     * A class listed in model.classes that no row of the table is labelled with is left out of every slice's per-class
     * averages, as a class absent from one slice is, and they keep their intervals; the note names it and the rows
     * each model predicts as it. 60 rows, labels A/B/C 20 each, production right on 4 of 5, the candidate on 9 of 10;
     * the candidate names D once (row 59, in half=second). The values are scikit-learn's f1_score(average="macro",
     * labels=["A", "B", "C"]) and balanced_accuracy_score on each slice's rows (D counted in, the candidate's overall
     * macro_f1 would be 0.668 and production's 0.600, by scikit-learn with labels=["A", "B", "C", "D"]).
     */
    @Test
    void aDeclaredClassThatNoRowIsLabelledWithIsLeftOutOfThePerClassAveragesWhichKeepTheirIntervals() {
        int n = 60;
        int[] labels = new int[n];
        int[] prod = new int[n];
        int[] cand = new int[n];
        String[] half = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            prod[i] = i % 5 == 0 ? (labels[i] + 1) % 3 : labels[i];
            cand[i] = i % 10 == 0 ? (labels[i] + 2) % 3 : labels[i];
            half[i] = i < 30 ? "first" : "second";
        }
        cand[59] = 3;
        EvaluationTable table = TestTables.multiclass(List.of("A", "B", "C", "D"), labels, prod, cand,
                TestTables.columns(TestTables.column("half", half)));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MACRO_F1, MIN_ONE, Progress.NONE);
        Map<String, double[]> scikitLearnMacroF1 = Map.of("overall", new double[] {0.8, 0.8905982905982907},
                "half=first", new double[] {0.8, 0.9}, "half=second", new double[] {0.8, 0.880701754385965});
        Map<String, double[]> scikitLearnBalancedAccuracy = Map.of("overall", new double[] {0.8, 0.8833333333333333},
                "half=first", new double[] {0.8, 0.9}, "half=second", new double[] {0.8, 0.8666666666666667});
        Map<String, String> predicted = Map.of(
                "overall", "the candidate predicts it for 1 row here (1.7%), production for none: each a wrong"
                        + " prediction, lost from the recall of the row's own class",
                "half=first", "neither model predicts it here",
                "half=second", "the candidate predicts it for 1 row here (3.3%), production for none: each a wrong"
                        + " prediction, lost from the recall of the row's own class");
        for (String slice : List.of("overall", "half=first", "half=second")) {
            for (Metric metric : List.of(Metric.MACRO_F1, Metric.BALANCED_ACCURACY)) {
                SliceResult result = find(report, metric, slice);
                double[] expected = (metric == Metric.MACRO_F1 ? scikitLearnMacroF1 : scikitLearnBalancedAccuracy)
                        .get(slice);
                assertEquals(expected[0], result.production().value(), 1e-12, slice + " " + metric.wireName());
                assertEquals(expected[1], result.candidate().value(), 1e-12, slice + " " + metric.wireName());
                assertNull(result.unstableReason(), slice);
                assertEquals("class D is in model.classes but no row of the table is labelled with it, so "
                        + metric.wireName() + " and its intervals average the 3 labelled classes; "
                        + predicted.get(slice), result.note(), slice);
                assertNotNull(result.deltaCi(), slice);
                assertTrue(result.production().ci().contains(result.production().value()), slice);
                assertTrue(result.candidate().ci().contains(result.candidate().value()), slice);
            }
            assertNull(find(report, Metric.WEIGHTED_F1, slice).note(), "weighted_f1 gives D no weight anyway");
        }
    }

    /**
     * n examples, segment a/b, language de/en/fr, positives 40 %; production scores are noisy, the candidate's
     * noise shrinks by {@code improvement}.
     */
    static EvaluationTable randomBinary(int n, long seed, double improvement) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[n];
        double[] prod = new double[n];
        double[] cand = new double[n];
        String[] segment = new String[n];
        String[] language = new String[n];
        String[] languages = {"de", "en", "fr"};
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.4 ? 1 : 0;
            double signal = labels[i] == 1 ? 0.8 : -0.8;
            double noise = random.nextGaussian();
            prod[i] = Math.round(1000 / (1 + Math.exp(-(signal + noise)))) / 1000.0;
            cand[i] = Math.round(1000 / (1 + Math.exp(-(signal * (1 + 3 * improvement) + noise * (1 - improvement)))))
                    / 1000.0;
            segment[i] = random.nextBoolean() ? "a" : "b";
            language[i] = languages[random.nextInt(3)];
        }
        return TestTables.binary(labels, prod, cand, null, null, TestTables.columns(
                TestTables.column("segment", segment), TestTables.column("language", language)));
    }
}
