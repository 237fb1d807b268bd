package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.Interval;

/** Gates 1 and 7 with the margin in the metric's own terms and the inequality read in its direction. */
class PrimaryMetricGateTest {
    private final PrimaryMetricGate gate = new PrimaryMetricGate(GatePolicy.DEFAULTS);

    /**
     * House prices: production's mae is $125,000, so the default margin 0.01 allows Δ up to +$1,250. The worst end
     * of Δ's interval (its upper bound: lower is better) is +$3,759: fail, printed as "+3759 > +1250".
     */
    @Test
    void anErrorMetricInTheTargetsUnitsGetsAMarginRelativeToProductionAndTheRightSign() {
        GateResult fail = gate.judge(evidence(Metric.MAE, 125_000, 126_500, new Interval(241, 3_759)));
        assertEquals(GateOutcome.FAIL, fail.outcome());
        assertTrue(fail.summary().contains("worst case +3,759 > +1,250 (1% of production's 125,000)"), fail.summary());
        assertTrue(fail.summary().contains("mae (lower is better)"), fail.summary());

        GateResult pass = gate.judge(evidence(Metric.MAE, 125_000, 124_000, new Interval(-2_100, 1_100)));
        assertEquals(GateOutcome.PASS, pass.outcome());
        assertTrue(pass.summary().contains("worst case +1,100 ≤ +1,250"), pass.summary());
    }

    /** Higher is better: the lower bound against −margin, absolute for a metric in [0, 1]. */
    @Test
    void aMetricWhereHigherIsBetterIsJudgedOnItsLowerBound() {
        GateResult pass = gate.judge(evidence(Metric.MACRO_F1, 0.80, 0.82, new Interval(-0.004, 0.044)));
        assertEquals(GateOutcome.PASS, pass.outcome());
        assertTrue(pass.summary().contains("worst case −0.004 ≥ −0.010 (margin)"), pass.summary());
        GateResult fail = gate.judge(evidence(Metric.MACRO_F1, 0.80, 0.784, new Interval(-0.03, -0.002)));
        assertEquals(GateOutcome.FAIL, fail.outcome());
        assertTrue(fail.summary().contains("worst case −0.030 < −0.010 (margin); the whole interval is on the worse"
                + " side of 0"), fail.summary());
    }

    /**
     * Beyond the margin but still reaching 0 (Compare's "inconclusive", whose band is this margin): a loss beyond the margin is
     * neither ruled out nor shown, so the gate lacks evidence, as fairness and language parity read such an interval.
     */
    @Test
    void anIntervalThatReachesBothPastTheMarginAndZeroIsInsufficientEvidence() {
        GateResult higher = gate.judge(evidence(Metric.MACRO_F1, 0.80, 0.79, new Interval(-0.03, 0.01)));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, higher.outcome());
        assertTrue(higher.summary().contains("worst case −0.030 < −0.010 (margin), but the interval reaches 0: a loss"
                + " beyond the margin can be neither ruled out nor shown"), higher.summary());
        GateResult lower = gate.judge(evidence(Metric.MAE, 125_000, 126_000, new Interval(-1_759, 3_759)));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, lower.outcome());
        assertTrue(lower.summary().contains("worst case +3,759 > +1,250"), lower.summary());
        GateResult touching = gate.judge(evidence(Metric.LOG_LOSS, 0.40, 0.42, new Interval(0, 0.04)));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, touching.outcome(), "an end at exactly 0 still reaches it");
    }

    /**
     * Numbers compared in one sentence share their decimals: the two models' errors (four significant digits of the
     * larger), and Δ with its interval and the limit; never 99.87 beside 101.4.
     */
    @Test
    void anErrorInTheTargetsUnitsWritesTheNumbersItComparesWithTheSameDecimals() {
        GateResult pass = gate.judge(evidence(Metric.MAE, 101.4, 99.87, new Interval(-5.259, 0.5)));
        assertEquals(GateOutcome.PASS, pass.outcome());
        assertTrue(pass.summary().startsWith("mae (lower is better) on 800 rows: candidate 99.9 vs production 101.4, Δ −1.530, 95% "
                + "interval, overall slice tested alone [−5.259, +0.500]; worst case +0.500 ≤ +1.014 (1% of "
                + "production's 101.4)"), pass.summary());
    }

    /**
     * mape is a mean relative error whose scale is the data's: the margin 0.01 is 1 % of production's mape, 0.16 ·
     * 0.01 = +0.0016, not an absolute +0.01 (which passed a worst case of +0.0095, 6 % of production's mape). Its
     * numbers are plain fractions, without the target's unit; the inequalities read lower is better.
     */
    @Test
    void mapesMarginIsAShareOfProductionsMapeWithTheRightSign() {
        GateResult fail = gate.judge(evidence(Metric.MAPE, 0.16, 0.165, new Interval(0.0005, 0.0095)));
        assertEquals(GateOutcome.FAIL, fail.outcome());
        assertTrue(fail.summary().contains("candidate 0.165 vs production 0.160, Δ +0.005"), fail.summary());
        assertTrue(fail.summary().contains("worst case +0.010 > +0.002 (1% of production's 0.160); the whole "
                + "interval is on the worse side of 0"), fail.summary());
        assertEquals(0.0016, fail.findings().get(0).numbers().get("limit"), 1e-15);

        GateResult reachesZero = gate.judge(evidence(Metric.MAPE, 0.16, 0.161, new Interval(-0.002, 0.004)));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, reachesZero.outcome());
        assertTrue(reachesZero.summary().contains("worst case +0.004 > +0.002 (1% of production's 0.160), but the "
                + "interval reaches 0"), reachesZero.summary());

        GateResult pass = gate.judge(evidence(Metric.MAPE, 0.16, 0.158, new Interval(-0.005, 0.0012)));
        assertEquals(GateOutcome.PASS, pass.outcome());
        assertTrue(pass.summary().contains("worst case +0.001 ≤ +0.002 (1% of production's 0.160)"),
                pass.summary());
    }

    /**
     * log_loss is a proper scoring loss whose scale is the base rate's: the margin 0.01 is 1 % of production's log
     * loss, 0.40 · 0.01 = +0.0040, not an absolute +0.01 (which passed a worst case of +0.0080, 2 % of production's
     * log loss). Lower is better: the upper end is judged, with ≤ and > and a plus sign.
     */
    @Test
    void logLosssMarginIsAShareOfProductionsLogLossWithThePlusSign() {
        GateResult fail = gate.judge(evidence(Metric.LOG_LOSS, 0.40, 0.43, new Interval(0.012, 0.048)));
        assertEquals(GateOutcome.FAIL, fail.outcome());
        assertTrue(fail.summary().contains("worst case +0.048 > +0.004 (1% of production's 0.400); the whole "
                + "interval is on the worse side of 0"), fail.summary());
        assertEquals(0.004, fail.findings().get(0).numbers().get("limit"), 1e-15);

        GateResult reachesZero = gate.judge(evidence(Metric.LOG_LOSS, 0.40, 0.402, new Interval(-0.003, 0.008)));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, reachesZero.outcome());
        assertTrue(reachesZero.summary().contains("worst case +0.008 > +0.004 (1% of production's 0.400), but the "
                + "interval reaches 0"), reachesZero.summary());

        GateResult pass = gate.judge(evidence(Metric.LOG_LOSS, 0.40, 0.398, new Interval(-0.006, 0.002)));
        assertEquals(GateOutcome.PASS, pass.outcome());
        assertTrue(pass.summary().contains("worst case +0.002 ≤ +0.004 (1% of production's 0.400)"),
                pass.summary());
    }

    /**
     * Gate 7 on brier: the best past brier is 0.0030 (a rare base rate), the default margin 0.02 allows 2 % of it,
     * 0.00006; the candidate's 0.0040 [0.0036, 0.0044] is worse beyond it: fail (an absolute margin of 0.02 passed any
     * brier up to 0.023, nearly eight times the best).
     */
    @Test
    void theCircuitBreakersMarginOnBrierIsAShareOfTheBest() {
        GateResult result = new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(candidateOf(Metric.BRIER, 0.0040, new Interval(0.0036, 0.0044))),
                new MetricHistoryPoint("40", LocalDate.of(2026, 6, 1), 0.0033),
                new MetricHistoryPoint("41", LocalDate.of(2026, 8, 1), 0.0030)));
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertTrue(result.summary().contains("(2% of the best)"), result.summary());
    }

    @Test
    void anUnstableOverallSliceIsInsufficientEvidenceWithTheReason() {
        SliceResult unstable = new SliceResult(SliceKey.OVERALL, 800, Metric.MACRO_F1, true,
                new MetricEstimate(0.6, null), new MetricEstimate(0.62, null), 0.02, null, null, null, null,
                "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null, "class E has 3 examples here", null);
        GateResult result = gate.judge(evidence(unstable));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        assertEquals("macro_f1: Δ has no trustworthy interval (class E has 3 examples here)", result.summary());

        // with the counts the comparison gives it, the rare class is known, and so are the ways forward
        SliceResult counted = new SliceResult(SliceKey.OVERALL, 800, Metric.MACRO_F1, true,
                new MetricEstimate(0.6, null), new MetricEstimate(0.62, null), 0.02, null, null, null, null,
                "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null, "class E has 3 examples here", null, 0.01,
                TargetUnit.NONE, new MetricCounts(null, null, null, null, "E", 3L));
        GateResult withWays = gate.judge(evidence(counted));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, withWays.outcome());
        assertEquals("macro_f1: Δ has no trustworthy interval (class E has 3 examples here); "
                + counted.rareClassWaysForward(), withWays.summary());
        assertTrue(withWays.summary().contains("micro_f1"), withWays.summary());
    }

    /**
     * A 1,000,000-row pack: Δ's interval [+0.007266, +0.007322] read "[+0.0073, +0.0073]" at a gate's four decimals,
     * which looks like an interval of width 0. Δ, both ends and the limit get the decimals that tell the ends apart.
     */
    @Test
    void aNarrowIntervalIsWrittenWithEndsThatReadDifferently() {
        GateResult pass = gate.judge(evidence(Metric.ROC_AUC, 0.8, 0.807294, new Interval(0.007266, 0.007322)));
        assertTrue(pass.summary().contains("Δ +0.00729, 95% interval, overall slice tested alone [+0.00727, +0.00732];"
                + " worst case +0.00727 ≥ −0.01000"), pass.summary());
    }

    /**
     * The sample size is said where the numbers are: the rows, and for a ranking metric the positives and negatives,
     * which bound what an AUC can show as much as the rows do; other metrics of the same binary pack give the rows.
     */
    @Test
    void theLineGivesTheRowsAndForARankingMetricItsPositivesAndNegatives() {
        SliceResult auc = overall(Metric.ROC_AUC, 0.8985, 0.8870, new Interval(-0.0190, -0.0040));
        GateResult ranked = gate.judge(evidence(auc, 212L));
        assertTrue(ranked.summary().startsWith("roc_auc (higher is better) on 800 rows (212 positives, 588 "
                + "negatives): candidate 0.887 vs production 0.899, Δ −0.011"), ranked.summary());
        assertEquals(212.0, ranked.findings().get(0).numbers().get("positives"));
        assertEquals(588.0, ranked.findings().get(0).numbers().get("negatives"));
        GateResult f1 = gate.judge(evidence(overall(Metric.F1, 0.70, 0.71, new Interval(-0.005, 0.025)), 212L));
        assertTrue(f1.summary().startsWith("f1 (higher is better) on 800 rows: candidate "), f1.summary());
        assertEquals(null, f1.findings().get(0).numbers().get("positives"));
    }

    private static ReviewEvidence evidence(Metric metric, double production, double candidate, Interval ci) {
        return evidence(overall(metric, production, candidate, ci), null);
    }

    /**
     * A reader comparing the Gates view with Compare's overall row sees one Δ and one interval: the sentence once wrote
     * "Δ −0.0115 … [−0.0190, −0.0040]" beside Compare's "−0.011 [−0.019, −0.004]"; a worst case read against the margin
     * gets more decimals in both only where three would write it like the margin.
     */
    @Test
    void theSentenceWritesDeltaAndItsIntervalAsComparesOverallRow() {
        for (Interval ci : java.util.List.of(new Interval(-0.0190, -0.0040), new Interval(-0.0104, 0.006),
                new Interval(0.007266, 0.007322))) {
            SliceResult hand = overall(Metric.ROC_AUC, 0.8, 0.8 + (ci.lower() + ci.upper()) / 2, ci);
            // as the app compares under the policy: the verdicts read the primary margin as their band
            SliceResult result = new SliceResult(hand.slice(), hand.n(), hand.metric(), true, hand.production(),
                    hand.candidate(), hand.delta(), ci, ci, hand.pValue(), hand.adjustedP(), hand.test(),
                    hand.verdict(), hand.shownInterval(), null, null, null, GatePolicy.DEFAULTS.primary().margin(),
                    org.verdict.core.pack.TargetUnit.NONE);
            String sentence = gate.judge(evidence(result)).summary();
            assertTrue(sentence.contains("Δ " + result.deltaValueText(ci) + ", "), sentence);
            assertTrue(sentence.contains(" " + result.intervalText(ci) + "; worst case "), sentence);
        }
    }

    private static SliceResult overall(Metric metric, double production, double candidate, Interval ci) {
        SliceResult overall = new SliceResult(SliceKey.OVERALL, 800, metric, true,
                new MetricEstimate(production, null), new MetricEstimate(candidate, null), candidate - production, ci,
                ci, 0.2, 0.2, "paired-hashed-block-bootstrap", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.OVERALL, 0.95, ShownInterval.NONE, 1), null, null, null);
        return overall;
    }

    /**
     * Gate 7 with an error in dollars: the best past mae is $120,000, the default margin 0.02 allows $2,400 more, up
     * to $122,400; the candidate's $126,000 [$123,000, $129,000] lies wholly above it: fail, judged on the interval's
     * better end and in words that fit an error (its worse end is the upper one, "worse than it by", not "below").
     */
    @Test
    void theCircuitBreakerReadsAnErrorMetricsDirectionAndItsUnits() {
        GateResult result = new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(candidateOf(Metric.MAE, 126_000, new Interval(123_000, 129_000))),
                new MetricHistoryPoint("40", LocalDate.of(2026, 6, 1), 130_000),
                new MetricHistoryPoint("41", LocalDate.of(2026, 8, 1), 120_000)));
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertEquals("mae (lower is better) on 800 rows: candidate 126,000 [123,000, 129,000] (95% CI) vs historical "
                + "best 120,000 (version 41, 2026-08-01; the history holds point values only), worse than it by 6,000, "
                + "margin 2,400 (2% of the best); worst case 129,000 > 122,400 (the best + margin); the whole interval "
                + "lies beyond it: the candidate is shown worse than the best by more than the margin", result.summary());
        assertEquals(122_400, result.findings().get(0).numbers().get("limit"));
        assertEquals(123_000, result.findings().get(0).numbers().get("candidateLower"));
        assertEquals(800, result.findings().get(0).numbers().get("n"));
    }

    /**
     * Gate 7 on mape: the best past mape is 0.15, the default margin 0.02 allows 2 % of it, 0.003; the candidate's
     * 0.16 [0.155, 0.165] lies wholly beyond 0.153: fail (an absolute margin of 0.02 passed it).
     */
    @Test
    void theCircuitBreakersMarginOnMapeIsAShareOfTheBest() {
        GateResult result = new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(candidateOf(Metric.MAPE, 0.16, new Interval(0.155, 0.165))),
                new MetricHistoryPoint("40", LocalDate.of(2026, 6, 1), 0.18),
                new MetricHistoryPoint("41", LocalDate.of(2026, 8, 1), 0.15)));
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertTrue(result.summary().contains("worse than it by 0.010, margin 0.003 (2% of the best); worst case 0.165 "
                + "> 0.153 (the best + margin); the whole interval lies beyond it"), result.summary());
    }

    /** A version named with letters ("m3") is written as named, with no letter added to it. */
    @Test
    void theCircuitBreakerWritesTheBestVersionAsTheHistoryNamesIt() {
        GateResult result = new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(candidateOf(Metric.MAE, 119_000, new Interval(117_000, 121_000))),
                new MetricHistoryPoint("m2", LocalDate.of(2026, 6, 1), 130_000),
                new MetricHistoryPoint("m3", LocalDate.of(2026, 9, 1), 120_000)));
        assertEquals(GateOutcome.PASS, result.outcome());
        assertEquals("mae (lower is better) on 800 rows: candidate 119,000 [117,000, 121,000] (95% CI) vs historical "
                + "best 120,000 (version m3, 2026-09-01; the history holds point values only), as good or better, "
                + "margin 2,400 (2% of the best); worst case 121,000 ≤ 122,400 (the best + margin)", result.summary());
    }

    /**
     * Production "1" measures $3,273 [$2,188, $4,792] on this pack, but the history records $15,100 for it: the history
     * comes from other data, and the candidate's $3,436 "passing" against a best of $14,800 would compare data sets,
     * not models. The gate lacks evidence and says why, with the numbers.
     */
    @Test
    void theCircuitBreakerLacksEvidenceWhenProductionsHistoryValueIsOutsideItsIntervalHere() {
        GateResult result = new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(withProductionInterval(Metric.MAE, 3_273, new Interval(2_188, 4_792), 3_436,
                        new Interval(3_000, 3_900))),
                new MetricHistoryPoint("0", LocalDate.of(2026, 4, 1), 14_800),
                new MetricHistoryPoint("1", LocalDate.of(2026, 7, 1), 15_100)));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        assertEquals("production 1's history value 15,100 lies outside its interval on this pack [2,188, 4,792] "
                + "(mae 3,273, n=800): the history was measured on other data, so the candidate's 3,436 [3,000, 3,900] "
                + "(95% CI) cannot be "
                + "compared with the historical best 14,800 (version 0, 2026-04-01; the history holds point values only); "
                + "give metric_history.csv the past "
                + "models' values measured on this pack's evaluation data", result.summary());
        assertEquals(15_100, result.findings().get(0).numbers().get("productionHistory"));
        assertEquals(2_188, result.findings().get(0).numbers().get("productionLower"));
    }

    /**
     * Production's history value within its interval here: the history is comparable, and the gate judges the
     * candidate's interval. $3,436 [$2,300, $4,600] against a limit of $3,366 ($3,300 + 2 %) reaches both sides of it:
     * insufficient evidence, where the point estimate alone read a fail; 800 · (1,136 / 70)² = 210,694 examples would
     * bring the better end to the limit if the value stayed put.
     */
    @Test
    void theCircuitBreakerJudgesWhenProductionsHistoryValueIsWithinItsIntervalHere() {
        GateResult result = new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(withProductionInterval(Metric.MAE, 3_273, new Interval(2_188, 4_792), 3_436,
                        new Interval(2_300, 4_600))),
                new MetricHistoryPoint("0", LocalDate.of(2026, 4, 1), 3_300),
                new MetricHistoryPoint("1", LocalDate.of(2026, 7, 1), 4_700)));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        assertTrue(result.summary().startsWith("mae (lower is better) on 800 rows: candidate 3,436 [2,300, 4,600] "
                + "(95% CI) vs historical best 3,300 (version 0, 2026-04-01; the history holds point values only), "
                + "worse than it by 136, margin 66 (2% of the best); worst case 4,600 > 3,366 (the best + margin), but "
                + "the interval reaches past it: a loss beyond the margin can be neither ruled out nor shown. About "
                + "220,000 examples (now 800) like these would show it beyond the margin if the candidate's value stays"
                + " at 3,436"), result.summary());
    }

    /**
     * The reviewer's case: macro_f1 0.805 [0.760, 0.850] against a best of 0.829 and a margin of 0.020 (limit 0.809).
     * The point estimate is beyond the limit, the interval reaches both the limit and the best: the old rule failed
     * it, the interval neither shows the loss nor rules it out. 800 · (0.045 / 0.004)² = 101,250 examples would bring
     * its upper end to the limit, were its value to stay at 0.805.
     */
    @Test
    void theCircuitBreakerLacksEvidenceWhereTheCandidatesIntervalReachesBothSidesOfTheLimit() {
        GateResult below = breaker(0.805, new Interval(0.760, 0.850));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, below.outcome());
        assertEquals("macro_f1 (higher is better) on 800 rows: candidate 0.805 [0.760, 0.850] (95% CI) vs historical "
                + "best 0.829 (version 40, 2026-08-03; the history holds point values only), worse than it by 0.024, "
                + "margin 0.020; worst case 0.760 < 0.809 (the best − margin), but the interval reaches past it: a loss "
                + "beyond the margin can be neither ruled out nor shown. About 110,000 examples (now 800) like these "
                + "would show it beyond the margin if the candidate's value stays at 0.805 (an approximation: the "
                + "interval taken to narrow as 1/√n)", below.summary());
        // the point estimate within the margin, its worse end not: the old rule passed it
        GateResult above = breaker(0.815, new Interval(0.801, 0.829));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, above.outcome());
        // 800 · (0.014 / 0.006)² = 4,356
        assertTrue(above.summary().contains("About 4,400 examples (now 800) like these would show it within the "
                + "margin if the candidate's value stays at 0.815"), above.summary());
        GateResult onTheLimit = breaker(LIMIT, new Interval(0.790, 0.828));
        assertTrue(onTheLimit.summary().endsWith("The candidate's value is the limit itself, so no number of examples "
                + "would settle it"), onTheLimit.summary());
    }

    /** Pass on the worse end within the margin (an end on the limit itself passes), fail on the whole interval beyond. */
    @Test
    void theCircuitBreakerPassesOnTheWorseEndAndFailsOnTheWholeInterval() {
        GateResult pass = breaker(0.853, new Interval(0.847, 0.858));
        assertEquals(GateOutcome.PASS, pass.outcome());
        assertTrue(pass.summary().endsWith("as good or better, margin 0.020; worst case 0.847 ≥ 0.809 (the best − "
                + "margin)"), pass.summary());
        assertEquals(GateOutcome.PASS, breaker(0.82, new Interval(LIMIT, 0.831)).outcome());
        // an interval Compare marks "(percentile)" is named as the one it is
        SliceResult base = candidateOf(Metric.MACRO_F1, 0.853, new Interval(0.847, 0.858));
        SliceResult percentile = new SliceResult(base.slice(), base.n(), base.metric(), true, base.production(),
                new MetricEstimate(0.853, new Interval(0.847, 0.858), "an unstable studentized interval"),
                base.delta(), base.deltaCi(), base.unadjustedCi(), base.pValue(), base.adjustedP(), base.test(),
                base.verdict(), base.shownInterval(), null, null, null);
        assertTrue(new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(evidence(percentile),
                new MetricHistoryPoint("40", LocalDate.of(2026, 8, 3), 0.829))).summary()
                .contains("candidate 0.853 [0.847, 0.858] (95% percentile interval) vs"));
        GateResult fail = breaker(0.780, new Interval(0.770, 0.790));
        assertEquals(GateOutcome.FAIL, fail.outcome());
        assertTrue(fail.summary().endsWith("worst case 0.770 < 0.809 (the best − margin); the whole interval lies "
                + "beyond it: the candidate is shown worse than the best by more than the margin"), fail.summary());
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, breaker(0.800, new Interval(0.791, LIMIT)).outcome(),
                "an upper end on the limit still reaches it");
    }

    /** A candidate value without an interval here (an unstable overall slice) can be neither passed nor failed. */
    @Test
    void theCircuitBreakerLacksEvidenceWithoutTheCandidatesInterval() {
        GateResult result = breaker(0.900, null);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        assertTrue(result.summary().endsWith("as good or better, margin 0.020; the candidate's value has no interval "
                + "on this pack, so a loss beyond the margin can be neither ruled out nor shown"), result.summary());
    }

    /** Where the history gives the best's n and interval, the line shows them beside it, and the JSON has them. */
    @Test
    void theCircuitBreakerShowsTheBestsNAndIntervalWhereTheHistoryGivesThem() {
        GateResult result = new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(candidateOf(Metric.MACRO_F1, 0.853, new Interval(0.847, 0.858))),
                new MetricHistoryPoint("40", LocalDate.of(2026, 8, 3), 0.829, 20_000L, new Interval(0.819, 0.839)),
                new MetricHistoryPoint("41", LocalDate.of(2026, 9, 3), 0.824, 21_000L, new Interval(0.815, 0.833))));
        assertTrue(result.summary().contains("vs historical best 0.829 [0.819, 0.839] (version 40, 2026-08-03, "
                + "n=20,000), as good or better"), result.summary());
        assertEquals(Map.of("bestN", 20_000.0, "bestLower", 0.819, "bestUpper", 0.839),
                Map.of("bestN", result.findings().get(0).numbers().get("bestN"),
                        "bestLower", result.findings().get(0).numbers().get("bestLower"),
                        "bestUpper", result.findings().get(0).numbers().get("bestUpper")));
        GateResult countOnly = new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(candidateOf(Metric.MACRO_F1, 0.853, new Interval(0.847, 0.858))),
                new MetricHistoryPoint("40", LocalDate.of(2026, 8, 3), 0.829, 20_000L, null)));
        assertTrue(countOnly.summary().contains("0.829 (version 40, 2026-08-03, n=20,000), as good"),
                countOnly.summary());
    }

    /** The circuit breaker's limit in {@link #breaker}: the best 0.829 less the default margin 0.02, as the gate computes it. */
    private static final double LIMIT = 0.829 - 0.02;

    /** Gate 7 on macro_f1 against the history 0.781 … 0.829 (best, version 40) … 0.826. */
    private static GateResult breaker(double candidate, Interval ci) {
        return new CircuitBreakerGate(GatePolicy.DEFAULTS).judge(withHistory(
                evidence(candidateOf(Metric.MACRO_F1, candidate, ci)),
                new MetricHistoryPoint("35", LocalDate.of(2026, 3, 3), 0.781),
                new MetricHistoryPoint("40", LocalDate.of(2026, 8, 3), 0.829),
                new MetricHistoryPoint("42", LocalDate.of(2026, 10, 3), 0.826)));
    }

    /** The overall slice with the candidate's value and its interval; production's value without one. */
    private static SliceResult candidateOf(Metric metric, double candidate, Interval ci) {
        SliceResult base = overall(metric, candidate, candidate, new Interval(-0.01, 0.01));
        return new SliceResult(base.slice(), base.n(), metric, true, base.production(),
                new MetricEstimate(candidate, ci), 0.0, base.deltaCi(), base.deltaCi(), base.pValue(), base.adjustedP(),
                base.test(), base.verdict(), base.shownInterval(), null, null, null);
    }

    private static SliceResult withProductionInterval(Metric metric, double production, Interval productionCi,
                                                      double candidate, Interval candidateCi) {
        Interval delta = new Interval(-500, 800);
        return new SliceResult(SliceKey.OVERALL, 800, metric, true, new MetricEstimate(production, productionCi),
                new MetricEstimate(candidate, candidateCi), candidate - production, delta, delta, 0.2, 0.2,
                "paired-hashed-block-bootstrap", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.OVERALL, 0.95, ShownInterval.NONE, 1), null, null, null);
    }

    private static ReviewEvidence withHistory(ReviewEvidence base, MetricHistoryPoint... history) {
        return new ReviewEvidence(base.packName(), base.task(), base.primaryMetric(),
                base.production(), base.candidate(), base.riskTier(), base.primaryComparison(), null, Optional.empty(),
                Optional.empty(), Optional.empty(), null, Optional.empty(), Optional.empty(),
                Optional.of(List.of(history)), Optional.empty(), Optional.empty(), Optional.empty(), PackSuites.NONE);
    }

    private static ReviewEvidence evidence(SliceResult overall) {
        return evidence(overall, null);
    }

    /** @param positives the primary suite's positives (a binary pack), or null */
    private static ReviewEvidence evidence(SliceResult overall, Long positives) {
        Metric metric = overall.metric();
        ComparisonReport report = new ComparisonReport("houses", "1", "2", metric, ComparisonOptions.DEFAULTS,
                List.of(overall), 0, Map.of());
        Task task = metric.appliesTo(Task.REGRESSION) ? Task.REGRESSION
                : metric.appliesTo(Task.MULTICLASS) ? Task.MULTICLASS : Task.BINARY;
        return new ReviewEvidence("houses", task, metric, "1", "2", 2, report, positives, Optional.empty(), Optional.empty(),
                Optional.empty(), null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), PackSuites.NONE);
    }
}
