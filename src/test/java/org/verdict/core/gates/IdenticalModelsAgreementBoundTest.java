package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.CorrectionMethod;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.summary.DuckDbSummarizer;
import org.verdict.core.summary.SummaryComparison;
import org.verdict.core.summary.SummaryPackReader;
import org.verdict.core.task.Progress;

/**
 * A no-op retrain: the candidate scores every example as production does. Δ is 0 on every resample, yet the models
 * may differ on examples not seen; the agreement bound (docs/statistics.md, "Two models that agree on every example")
 * bounds Δ by how often they could, so a non-inferiority gate can pass. The expected half-widths were computed
 * independently with scipy (/usr/bin/python3, scipy.stats.beta): the exact upper limit for 0 disagreements in n at
 * one-sided tail a is beta.ppf(1 − a, 1, n), the Clopper–Pearson lower limit for k in n is beta.ppf(a, k, n − k + 1);
 * with α = 1 − level, brier u(n, α); log_loss −ln(1e-15)·u(n, α); balanced_accuracy (u(n₊, α/2) + u(n₋, α/2))/2;
 * precision u(n, α/2)/lower(predicted positives, α/2); f1 2·u(n, α/2)/lower(labelled or predicted positive, α/2);
 * each at most 1.
 */
class IdenticalModelsAgreementBoundTest {
    private static final String[] CONTRACTS = {"month", "year", "two-year"};

    @TempDir
    Path folder;

    /**
     * The churn-sized pack: 7,043 rows, a row positive when i mod 5 &lt; 2 (2,818), predicted positive (score ≥ 0.5) for
     * positives with i mod 3 ≠ 0 and negatives with i mod 7 = 0 (2,482; 3,422 labelled or predicted positive);
     * contract {@code CONTRACTS[(i / 10) mod 3]}.
     */
    private static double churnScore(int i) {
        boolean positive = i % 5 < 2;
        if (positive) {
            return i % 3 != 0 ? 0.51 + (i % 45) / 100.0 : 0.05 + (i % 40) / 100.0;
        }
        return i % 7 == 0 ? 0.55 + (i % 40) / 100.0 : 0.01 + (i % 45) / 100.0;
    }

    private Path churnPack(String primaryMetric, IntToDoubleFunction candidateScore) throws IOException {
        StringBuilder csv = new StringBuilder("example_id,label,contract,score_7,score_8\n");
        for (int i = 0; i < 7_043; i++) {
            csv.append("c").append(i).append(',').append(i % 5 < 2 ? "Yes" : "No").append(',')
                    .append(CONTRACTS[(i / 10) % 3]).append(',').append(score(churnScore(i))).append(',')
                    .append(score(candidateScore.applyAsDouble(i))).append('\n');
        }
        return write("churn", primaryMetric, "[\"contract\"]", csv.toString());
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    private Path write(String name, String primaryMetric, String slices, String csv) throws IOException {
        return write(name, "binary", "\"Yes\"", primaryMetric, slices, csv);
    }

    private Path write(String name, String task, String positiveLabel, String primaryMetric, String slices, String csv)
            throws IOException {
        Path root = Files.createDirectories(folder.resolve(name + "-" + primaryMetric));
        Files.writeString(root.resolve("manifest.json"), """
                {
                  "format": "verdict-pack/1",
                  "model": {"name": "%s", "task": "%s", "riskTier": 1, "positiveLabel": %s},
                  "models": [
                    {"version": "7", "role": "production", "dataSnapshot": "s1", "codeVersion": "git:a",
                     "trainedAt": "2026-09-01T00:00:00Z", "hyperparameters": {}},
                    {"version": "8", "role": "candidate", "dataSnapshot": "s2", "codeVersion": "git:b",
                     "trainedAt": "2026-10-01T00:00:00Z", "hyperparameters": {}}
                  ],
                  "primaryMetric": "%s",
                  "suites": {"primary": {"file": "primary.csv", "slices": %s}}
                }
                """.formatted(name, task, positiveLabel, primaryMetric, slices));
        Files.writeString(root.resolve("primary.csv"), csv);
        return root;
    }

    private static CandidateReview review(Path root) throws Exception {
        GateReview review = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
                new PolicyReader());
        ReviewPack pack = new PackLoader().load(root, Progress.NONE);
        return review.reviewUnderItsPolicy(pack, null, Progress.NONE);
    }

    private static SliceResult find(ComparisonReport report, Metric metric, String label) {
        return report.results().stream().filter(r -> r.metric() == metric && r.slice().label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " for " + label));
    }

    private static void assertBound(double halfWidth, SliceResult result) {
        assertBound(-halfWidth, halfWidth, result);
    }

    private static void assertBound(double lower, double upper, SliceResult result) {
        String what = result.metric().wireName() + " in " + result.slice().label();
        assertEquals("identical-scores-agreement-bound", result.test(), what);
        assertEquals(0.0, result.delta(), 0, what);
        assertEquals(1.0, result.pValue(), 0, what);
        assertEquals(lower, result.deltaCi().lower(), 1e-6, what);
        assertEquals(upper, result.deltaCi().upper(), 1e-6, what);
        assertNotEquals(Verdict.BETTER, result.verdict(), what);
        assertNotEquals(Verdict.WORSE, result.verdict(), what);
    }

    @Test
    void aNoOpRetrainBoundsEachMetricByHowOftenTheModelsCouldDisagree() throws Exception {
        ComparisonReport report = review(churnPack("f1", IdenticalModelsAgreementBoundTest::churnScore)).evidence()
                .primaryComparison();
        // overall, tested alone at 95 %: 7,043 rows, 2,818 positive, 2,482 predicted positive, 3,422 either
        Map<Metric, Double> overall = Map.of(Metric.BRIER, 0.00042525844784454246,
                Metric.LOG_LOSS, 0.01468790644014944, Metric.BALANCED_ACCURACY, 0.0010904558871176172,
                Metric.PRECISION, 0.0015344786439782624, Metric.F1, 0.002208764137802852);
        overall.forEach((metric, half) -> {
            SliceResult result = find(report, metric, "overall");
            assertBound(half, result);
            assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, result.verdict(), metric.wireName());
        });
        // the same scores rank every example alike: roc_auc takes the ranking bound, 1 − 0.05^(1/2,818)
        assertRankingBound(0.001062505500555977, find(report, Metric.ROC_AUC, "overall"),
                "both models give every example here the same score");
        assertTrue(find(report, Metric.F1, "overall").note().startsWith("both models predict the same class"));
        assertTrue(find(report, Metric.BRIER, "overall").note().startsWith("both models give every example here"
                + " the same score"));
        // contract=month, one of 3 sub-slices, all with p = 1: Holm's first step, level 1 − 0.05/3; 2,350 rows, 940
        // positive, 671 predicted positive, 1,141 either
        SliceResult monthF1 = find(report, Metric.F1, "contract=month");
        assertEquals(1 - 0.05 / 3, monthF1.shownInterval().level(), 1e-15);
        assertBound(0.008835420584545874, monthF1);
        assertBound(0.007726128852131887, find(report, Metric.PRECISION, "contract=month"));
        assertBound(0.0042348775078577755, find(report, Metric.BALANCED_ACCURACY, "contract=month"));
        assertBound(0.0017407574030276433, find(report, Metric.BRIER, "contract=month"));
        // no bound is derived for these: said in words, with no interval
        for (Metric metric : new Metric[] {Metric.PR_AUC, Metric.SQ_CALIBRATION_ERROR}) {
            SliceResult result = find(report, metric, "overall");
            assertNull(result.deltaCi(), metric.wireName());
            assertEquals(Verdict.INCONCLUSIVE, result.verdict(), metric.wireName());
            assertTrue(result.unstableReason().startsWith("both models give every example here the same score; Δ = 0"
                    + " here, but Verdict has no bound on Δ " + metric.wireName() + " from agreement alone ("),
                    result.unstableReason());
        }
    }

    /**
     * Each model's calibration error has an interval of its own (the jackknife over its own bins), so a candidate that
     * scores every example as production does leaves production's interval as it is against any other candidate.
     */
    @Test
    void aNoOpRetrainKeepsEachModelsOwnCalibrationInterval() throws Exception {
        ComparisonReport identical = review(churnPack("f1", IdenticalModelsAgreementBoundTest::churnScore))
                .evidence().primaryComparison();
        ComparisonReport different = review(churnPack("f1", i -> Math.min(0.99, churnScore(i) + 0.04)))
                .evidence().primaryComparison();
        for (String slice : List.of("overall", "contract=month")) {
            SliceResult same = find(identical, Metric.SQ_CALIBRATION_ERROR, slice);
            SliceResult other = find(different, Metric.SQ_CALIBRATION_ERROR, slice);
            assertNull(same.deltaCi(), slice);
            assertTrue(other.production().ci() != null, slice);
            assertEquals(other.production().ci(), same.production().ci(), slice);
            assertEquals(other.production().ci(), same.candidate().ci(), slice);
        }
    }

    /** The primary gate of a no-op retrain reads the bound: within the 0.01 margin, so it passes. */
    @ParameterizedTest
    @ValueSource(strings = {"f1", "brier", "balanced_accuracy", "precision"})
    void thePrimaryGateOfANoOpRetrainPasses(String primaryMetric) throws Exception {
        GateResult gate = review(churnPack(primaryMetric, IdenticalModelsAgreementBoundTest::churnScore)).gates()
                .result(Gate.PRIMARY_METRIC);
        assertEquals(GateOutcome.PASS, gate.outcome(), gate.summary());
    }

    /** The bound ±b kept within the Δs the candidate can have: [max(−b, lowest), min(b, highest)]. */
    private static void assertBound(double lowest, double halfWidth, double highest, SliceResult result) {
        String what = result.metric().wireName() + " in " + result.slice().label();
        assertEquals("identical-scores-agreement-bound", result.test(), what);
        assertEquals(1.0, result.pValue(), 0, what);
        assertEquals(Math.max(-halfWidth, lowest), result.deltaCi().lower(), 1e-10, what);
        assertEquals(Math.min(halfWidth, highest), result.deltaCi().upper(), 1e-10, what);
    }

    /**
     * 3 positives and 3 negatives say little: f1 and precision span their whole range (2·u(6, 0.025) = 0.92 against
     * a lower limit of 0.22 for 4 of 6 labelled or predicted positive), brier's bound is 1 − 0.05^(1/6) =
     * 0.39303776899708265 and log_loss's 34.538776·that = 13.575; both reach below −production's value (brier
     * (0.1² + 0.3² + 0.4² + 0.05² + 0.15² + 0.58²)/6 = 0.10356666666666667, log loss −(ln 0.9 + ln 0.7 + ln 0.6
     * + ln 0.95 + ln 0.85 + ln 0.42)/6 = 0.34236231249209964), a candidate loss below 0: that end is cut there and
     * marked (docs/statistics.md, "Δ of log_loss and brier: within the values the candidate can have").
     */
    @Test
    void fewExamplesGiveTheWholeRangeWhereTheDenominatorIsNotBoundedAwayFromTheDisagreement() throws Exception {
        String csv = """
                example_id,label,segment,score_7,score_8
                a,Yes,x,0.9,0.9
                b,No,x,0.3,0.3
                c,Yes,x,0.6,0.6
                d,No,x,0.05,0.05
                e,Yes,x,0.85,0.85
                f,No,x,0.58,0.58
                """;
        ReviewPack pack = new PackLoader().load(write("small", "f1", "[\"segment\"]", csv), Progress.NONE);
        // a minimum slice size of 1, as 6 examples are below the default's
        ComparisonReport report = new ComparisonEngine().compare(pack, "8",
                new ComparisonOptions(0.95, 1, 0.05, 1000, 7L, CorrectionMethod.HOLM, List.of()), Progress.NONE);
        // the whole range, cut where production's own 95 % interval rules Δ out: production's precision is 3 of 4
        // predicted positives (modified Wilson: Wilson's lower end 0.300642, by hand; one failure from 4, so the upper
        // end is the Poisson one, 1 − chi2.ppf(0.05, 2) / 2 / 4 = 0.987177, SciPy) and its f1 2J/(1 + J) of the
        // Jaccard index 3/4 (0.462298, 2·0.987177/1.987177 = 0.993547), so Δ f1 lies in [0 − 0.993547,
        // 1 − 0.462298] and Δ precision in [0 − 0.987177, 1 − 0.300642]
        assertBound(-0.993546963514035, 0.5377023, find(report, Metric.F1, "overall"));
        assertBound(-0.9871766764031124, 0.6993582, find(report, Metric.PRECISION, "overall"));
        // a class of fewer than 5 examples keeps its own rule: balanced_accuracy stays unstable and says why
        assertTrue(find(report, Metric.BALANCED_ACCURACY, "overall").unstableReason().contains("3 examples"),
                find(report, Metric.BALANCED_ACCURACY, "overall").unstableReason());
        SliceResult brier = find(report, Metric.BRIER, "overall");
        assertBound(-0.10356666666666667, 0.39303776899708265, 1 - 0.10356666666666667, brier);
        assertEquals(SliceResult.BoundEnds.LOWER, brier.boundEnds(brier.deltaCi()));
        assertEquals(SliceResult.BoundEnds.LOWER, brier.boundEnds(brier.unadjustedCi()));
        SliceResult logLoss = find(report, Metric.LOG_LOSS, "overall");
        assertBound(-0.34236231249209964, 34.538776394910684 * 0.39303776899708265, Double.POSITIVE_INFINITY,
                logLoss);
        assertEquals(SliceResult.BoundEnds.LOWER, logLoss.boundEnds(logLoss.deltaCi()));
        for (SliceResult loss : List.of(brier, logLoss)) {
            // 0 stays inside, so the verdict is as before: the interval reaches past ±0.05 on the other side
            assertEquals(Verdict.INCONCLUSIVE, loss.verdict(), loss.metric().wireName());
            assertNull(loss.noInformationReason(), loss.metric().wireName());
        }
        assertEquals(Verdict.INCONCLUSIVE, find(report, Metric.F1, "overall").verdict(),
                "an interval that wide shows no small difference either");
    }

    /**
     * At 99.9 % 6 identical scores bound brier by u(6, 0.001) = 1 − 0.001^(1/6) = 0.683772233983162, beyond both
     * ends of what the candidate can have beside production's 0.49 (every example scored 0.7 off its label): the
     * interval is then [−0.49, +0.51], both ends at the bounds, and carries no information at that level.
     */
    @Test
    void anAgreementBoundPastBothEndsOfBriersRangeCarriesNoInformation() throws Exception {
        String csv = """
                example_id,label,segment,score_7,score_8
                a,Yes,x,0.3,0.3
                b,No,x,0.7,0.7
                c,Yes,x,0.3,0.3
                d,No,x,0.7,0.7
                e,Yes,x,0.3,0.3
                f,No,x,0.7,0.7
                """;
        ReviewPack pack = new PackLoader().load(write("guessing", "brier", "[\"segment\"]", csv), Progress.NONE);
        ComparisonReport report = new ComparisonEngine().compare(pack, "8",
                new ComparisonOptions(0.999, 1, 0.05, 1000, 7L, CorrectionMethod.HOLM, List.of()), Progress.NONE);
        SliceResult brier = find(report, Metric.BRIER, "overall");
        assertEquals(0.49, brier.production().value(), 1e-12);
        assertBound(-0.49, 0.683772233983162, 0.51, brier);
        assertEquals(SliceResult.BoundEnds.BOTH, brier.boundEnds(brier.deltaCi()));
        assertEquals(Verdict.INCONCLUSIVE, brier.verdict());
        assertEquals("the 99.9% interval of Δ spans every brier the candidate could have (0 to 1) beside production's"
                + " 0.490", brier.noInformationReason());
    }

    /**
     * Multiclass, 600 rows labelled a, b, c in turn (200 each), predicted as labelled except every tenth row, predicted
     * as the next class (220 labelled or predicted as each class). macro_f1: mean over the 3 classes of
     * min(1, 2·u(600, 0.025) / L(220, 600, 0.05/6)) = 0.038330647607693946; weighted_f1: 4·u(600, 0.05) =
     * 0.019921773521445387; balanced_accuracy: mean of u(200, 0.05/3) = 0.02026359972592432; cohen_kappa:
     * 3·u(600, 0.025) / (1 − Σ U(200, 600)²), U the exact upper limit beta.ppf(1 − 0.05/12, k + 1, n − k) of each
     * class's labelled and predicted share, = 0.03327575627261077.
     */
    @Test
    void theClassAveragesAndKappaOfAMulticlassNoOpRetrainAreBounded() throws Exception {
        StringBuilder csv = new StringBuilder("example_id,label,segment,pred_7,pred_8\n");
        for (int i = 0; i < 600; i++) {
            String label = String.valueOf("abc".charAt(i % 3));
            String predicted = String.valueOf("abc".charAt(i % 10 == 0 ? (i + 1) % 3 : i % 3));
            csv.append("m").append(i).append(',').append(label).append(",x,").append(predicted).append(',')
                    .append(predicted).append('\n');
        }
        ComparisonReport report = review(write("jobs", "multiclass", "null", "macro_f1", "[\"segment\"]",
                csv.toString())).evidence().primaryComparison();
        assertBound(0.038330647607693946, find(report, Metric.MACRO_F1, "overall"));
        assertBound(0.019921773521445387, find(report, Metric.WEIGHTED_F1, "overall"));
        assertBound(0.02026359972592432, find(report, Metric.BALANCED_ACCURACY, "overall"));
        assertBound(0.03327575627261077, find(report, Metric.COHEN_KAPPA, "overall"));
    }

    /**
     * A summary pack keeps the paired cells, so its count metrics show the agreement exactly as the rows do; it keeps
     * each model's scores in separate bins, so its score metrics cannot show it and stay unstable.
     */
    @Test
    void aSummaryPackBoundsTheCountMetricsFromItsPairedCells() throws Exception {
        Path rows = churnPack("f1", IdenticalModelsAgreementBoundTest::churnScore);
        ReviewPack rowPack = new PackLoader().load(rows, Progress.NONE);
        Path summaryRoot = folder.resolve("summary");
        new DuckDbSummarizer("512MB", 1).summarize(rows.resolve("primary.csv").toString(), null,
                rowPack.manifest(), true, true, ComparisonOptions.DEFAULTS.seed(), summaryRoot, Progress.NONE);
        ComparisonReport report = new SummaryComparison(new ComparisonEngine())
                .compare(new SummaryPackReader().read(summaryRoot, Progress.NONE), null, ComparisonOptions.DEFAULTS,
                        Progress.NONE);
        assertBound(0.002208764137802852, find(report, Metric.F1, "overall"));
        assertBound(0.0015344786439782624, find(report, Metric.PRECISION, "overall"));
        assertBound(0.0010904558871176172, find(report, Metric.BALANCED_ACCURACY, "overall"));
        assertNull(find(report, Metric.BRIER, "overall").deltaCi());
        assertTrue(find(report, Metric.BRIER, "overall").isUnstable());
    }

    /**
     * Models that differ on one example get no bound: that example's change is measured like any other. A score that
     * moves without crossing the threshold keeps the predictions alike (f1 bounded) but not the scores (brier is not).
     */
    @Test
    void modelsThatDifferOnOneExampleDoNotGetTheBound() throws Exception {
        // row 2 is a negative scored 0.03; 0.97 makes the candidate predict it positive, 0.07 does not
        ComparisonReport crossing = review(churnPack("f1", i -> i == 2 ? 0.97 : churnScore(i))).evidence()
                .primaryComparison();
        for (Metric metric : new Metric[] {Metric.F1, Metric.PRECISION, Metric.BALANCED_ACCURACY, Metric.BRIER,
            Metric.ROC_AUC}) {
            assertFalse(find(crossing, metric, "overall").test().endsWith("agreement-bound"), metric.wireName());
        }
        ComparisonReport below = review(churnPack("brier", i -> i == 2 ? 0.07 : churnScore(i))).evidence()
                .primaryComparison();
        assertEquals("identical-scores-agreement-bound", find(below, Metric.F1, "overall").test());
        assertNotEquals("identical-scores-agreement-bound", find(below, Metric.BRIER, "overall").test());
    }

    // ---- a recalibration: other scores, the same ranking ----

    /**
     * 40 positives (i mod 5 &lt; 2) and 60 negatives; production scores 0.01 + (⌊i/2⌋·37 mod 50)/50, so rows 2j and
     * 2j + 1 tie (some pairs a positive and a negative); the candidate {@code candidateScore}, written with 6 decimals;
     * slice column half: a for rows below 50, b above.
     */
    private Path smallPack(String name, IntToDoubleFunction candidateScore) throws IOException {
        StringBuilder csv = new StringBuilder("example_id,label,half,score_7,score_8\n");
        for (int i = 0; i < 100; i++) {
            csv.append("s").append(i).append(',').append(i % 5 < 2 ? "Yes" : "No").append(',')
                    .append(i < 50 ? "a," : "b,").append(String.format(Locale.ROOT, "%.2f,%.6f", smallScore(i), candidateScore.applyAsDouble(i)))
                    .append('\n');
        }
        return write(name, "roc_auc", "[\"half\"]", csv.toString());
    }

    private static double smallScore(int i) {
        return 0.01 + (i / 2 * 37 % 50) / 50.0;
    }

    private static void assertRankingBound(double halfWidth, SliceResult result) {
        assertRankingBound(halfWidth, result, "both models rank every example here alike");
    }

    private static void assertRankingBound(double halfWidth, SliceResult result, String note) {
        String what = result.metric().wireName() + " in " + result.slice().label();
        assertEquals("identical-ranking-agreement-bound", result.test(), what);
        assertEquals(note, result.note(), what);
        assertEquals(0.0, result.delta(), 0, what);
        assertEquals(1.0, result.pValue(), 0, what);
        assertEquals(-halfWidth, result.deltaCi().lower(), 1e-12, what);
        assertEquals(halfWidth, result.deltaCi().upper(), 1e-12, what);
    }

    /**
     * A power of production's score ranks every example alike, ties alike: roc_auc's Δ is bounded by the share of
     * (positive, negative) pairs the models could order differently, 1 − α^(1/m) with m = min(40, 60) = 40 matched
     * pairs; scipy: 1 − 0.05 ** (1 / 40) = beta.ppf(0.95, 1, 40) = 0.0721575245055146. pr_auc has no such bound.
     */
    @Test
    void aRecalibrationBoundsRocAucByTheMatchedPairsThatAllRankAlike() throws Exception {
        ComparisonReport report = review(smallPack("power", i -> Math.pow(smallScore(i), 1.2))).evidence()
                .primaryComparison();
        SliceResult rocAuc = find(report, Metric.ROC_AUC, "overall");
        assertRankingBound(0.0721575245055146, rocAuc);
        // ±0.072 is wider than the smallest difference that matters: no difference shown, none ruled out
        assertEquals(Verdict.INCONCLUSIVE, rocAuc.verdict());
        assertTrue(find(report, Metric.PR_AUC, "overall").isUnstable());
    }

    /**
     * The churn-sized pack shifted by 0.03: overall 2,818 positives and 4,225 negatives, m = 2,818 at 95 %: scipy
     * 1 − 0.05 ** (1 / 2818) = 0.001062505500555977; contract=month (940 positives, 1,410 negatives) at Holm's first
     * step 1 − 0.05/3: 1 − (0.05 / 3) ** (1 / 940) = 0.00434621346320585. The primary gate passes on roc_auc.
     */
    @Test
    void aRecalibratedChurnModelPassesTheRocAucGate() throws Exception {
        CandidateReview review = review(churnPack("roc_auc", i -> churnScore(i) + 0.03));
        ComparisonReport report = review.evidence().primaryComparison();
        assertRankingBound(0.001062505500555977, find(report, Metric.ROC_AUC, "overall"));
        SliceResult month = find(report, Metric.ROC_AUC, "contract=month");
        assertEquals(1 - 0.05 / 3, month.shownInterval().level(), 1e-15);
        assertRankingBound(0.00434621346320585, month);
        GateResult gate = review.gates().result(Gate.PRIMARY_METRIC);
        assertEquals(GateOutcome.PASS, gate.outcome(), gate.summary());
        assertTrue(gate.summary().contains("identical ranking, other scores: Δ roc_auc bounded"), gate.summary());
    }

    /** The same bound on byte-identical scores says so: "identical scores", never "other scores". */
    @Test
    void theRocAucGateOfIdenticalScoresSaysIdenticalScores() throws Exception {
        GateResult gate = review(churnPack("roc_auc", IdenticalModelsAgreementBoundTest::churnScore)).gates()
                .result(Gate.PRIMARY_METRIC);
        assertTrue(gate.summary().contains("identical scores: Δ roc_auc bounded by how often the models could order"),
                gate.summary());
        assertFalse(gate.summary().contains("other scores"), gate.summary());
    }

    /** Swapping the order of one positive and one negative, or breaking one positive–negative tie, loses the bound. */
    @Test
    void aRankingThatDiffersOnOnePairDoesNotGetTheBound() throws Exception {
        // row 10 is a positive scored 0.01 + 5·37 mod 50 / 50 = 0.71; row 13, a negative, 0.01 + 6·37 mod 50 / 50 = 0.45
        assertEquals(0.71, smallScore(10), 1e-12);
        assertEquals(0.45, smallScore(13), 1e-12);
        ComparisonReport swapped = review(smallPack("swapped",
                i -> Math.pow(smallScore(i == 10 ? 13 : i == 13 ? 10 : i), 1.2))).evidence().primaryComparison();
        assertNotEquals("identical-ranking-agreement-bound", find(swapped, Metric.ROC_AUC, "overall").test());
        // rows 4 (a negative) and 5 (a positive) tie in production; the candidate puts the positive just above
        ComparisonReport untied = review(smallPack("untied",
                i -> Math.pow(smallScore(i), 1.2) + (i == 5 ? 1e-4 : 0))).evidence().primaryComparison();
        SliceResult rocAuc = find(untied, Metric.ROC_AUC, "overall");
        assertNotEquals("identical-ranking-agreement-bound", rocAuc.test());
        assertNotEquals(0.0, rocAuc.delta());
    }
}
