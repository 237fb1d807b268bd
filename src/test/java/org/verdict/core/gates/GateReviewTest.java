package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verdict.core.gates.TestPack.label;
import static org.verdict.core.gates.TestPack.language;
import static org.verdict.core.gates.TestPack.wrong;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ClassRecall;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.FairnessSection;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.EvidenceCharts;
import org.verdict.core.report.ReportPalette;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.CancelledProgress;
import org.verdict.core.task.Progress;

/**
 * Each of the seven promotion gates passes, fails and reports insufficient evidence on small hand-made packs.
 * Production is right on 9 of 10 rows (wrong on rows 9, 19, ...); the candidate varies per test.
 */
class GateReviewTest {
    @TempDir
    Path folder;

    /** The candidate predicts exactly what production predicts. */
    private static final IntFunction<String> SAME_AS_PRODUCTION = row -> row % 10 == 9 ? wrong(row) : label(row);

    private GateOutcome outcome(TestPack pack, Gate gate) throws PackException {
        return pack.review().gates().result(gate).outcome();
    }

    private TestPack pack() {
        return new TestPack(folder);
    }

    // Gate 1: accuracy 1.0 vs 0.9 on 200 rows; 0.63 vs 0.9; and a pack below the minimum slice size of 30.
    @Test
    void primaryMetricPassesWhenTheCandidateIsBetter() throws PackException {
        GateResult result = pack().review().gates().result(Gate.PRIMARY_METRIC);
        assertEquals(GateOutcome.PASS, result.outcome());
        assertEquals(0.1, result.findings().get(0).numbers().get("delta"), 1e-12);
    }

    @Test
    void primaryMetricFailsWhenTheLowerBoundIsBelowTheMargin() throws PackException {
        assertEquals(GateOutcome.FAIL, outcome(pack().primary(200, row -> row % 3 == 0 ? wrong(row) : label(row)),
                Gate.PRIMARY_METRIC));
    }

    @Test
    void primaryMetricLacksEvidenceOnTooFewExamples() throws PackException {
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, outcome(pack().primary(20, TestPack::label),
                Gate.PRIMARY_METRIC));
    }

    // Gate 2: 40 rows of one category; the candidate violates on 20 where production never does (McNemar exact
    // p = 2 · 0.5^20 ≈ 2e-6 and 50% > 1% accepted).
    private static String safety(int rows, int candidateViolations) {
        StringBuilder csv = new StringBuilder("example_id,category,violation_1,violation_2\n");
        for (int i = 0; i < rows; i++) {
            csv.append("s-").append(i).append(",toxic,0,").append(i < candidateViolations ? 1 : 0).append('\n');
        }
        return csv.toString();
    }

    @Test
    void safetyPassesWithoutViolationsOnceTheIntervalFitsUnderTheAcceptedRate() throws PackException {
        // default accepted rate 1%: the exact 95% upper end of 0 of n is 1 − 0.025^(1/n), 0.92% at 400, 8.8% at 40
        assertEquals(GateOutcome.PASS, outcome(pack().suite("safety", "safety.csv", safety(400, 0)), Gate.SAFETY));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, outcome(pack().suite("safety", "safety.csv", safety(40, 0)),
                Gate.SAFETY));
    }

    @Test
    void safetyFailsWhenACategoryIsSignificantlyWorse() throws PackException {
        GateResult result = pack().suite("safety", "safety.csv", safety(40, 20)).review().gates().result(Gate.SAFETY);
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertEquals(0.5, result.findings().get(0).numbers().get("candidate"), 1e-12);
        assertEquals(2 * Math.pow(0.5, 20), result.findings().get(0).numbers().get("pValue"), 1e-12);
    }

    @Test
    void safetyLacksEvidenceForASmallCategoryOrWithoutTheSuite() throws PackException {
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, outcome(pack().suite("safety", "safety.csv", safety(10, 0)),
                Gate.SAFETY));
        // without the suite: not applicable, unless the policy requires it
        assertEquals(GateOutcome.NOT_APPLICABLE, outcome(pack(), Gate.SAFETY));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, outcome(pack().policy("{\"requiredSuites\": [\"safety\"]}"),
                Gate.SAFETY));
    }

    @Test
    void aPolicyRateForACategoryTheSuiteLacksKeepsTheGateFromPassing() throws PackException {
        GateResult result = pack().suite("safety", "safety.csv", safety(40, 0))
                .policy("{\"safety\": {\"acceptedRates\": {\"toxik\": 0.0}}}").review().gates().result(Gate.SAFETY);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        assertTrue(result.findings().stream().anyMatch(f -> f.detail().startsWith("toxik: the policy sets")),
                result.findings().toString());
    }

    // Gate 3: positive class a; gender f = rows with row % 4 < 2 (100 of 200), m the rest.
    /**
     * A candidate that selects like production on every example: the paired bootstrap's worsening is 0 on every
     * replicate, but the models may still differ on examples not seen. The worsening's interval is the agreement
     * bound, the gap's change reachable when each group's unseen disagreement share is at its exact one-sided limit:
     * for the selection rates of two groups of 100, 2(1 − 0.025^(1/100)) = 0.0724. Beyond the default tolerance of
     * 0.05 the gate lacks evidence, and says it rests on the agreement; within a tolerance of 0.1 that finding passes.
     */
    @Test
    void fairnessOfACandidateThatSelectsLikeProductionRestsOnTheAgreementBound() throws PackException {
        GateResult result = pack().primary(200, SAME_AS_PRODUCTION).policy("{\"fairness\": {\"positiveClass\": \"a\"}}")
                .review().gates().result(Gate.FAIRNESS);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        double bound = 2 * (1 - Math.pow(0.025, 1.0 / 100));
        Finding parity = result.findings().get(0);
        assertEquals(bound, parity.numbers().get("worseningCiUpper"), 1e-12);
        assertEquals(-bound, parity.numbers().get("worseningCiLower"), 1e-12);
        for (Finding finding : result.findings()) {
            assertTrue(finding.numbers().get("worseningCiUpper") > 0, finding.detail());
            assertTrue(finding.detail().contains(": both models select 'a' alike on every example these rates "
                    + "count, so the change is bounded by how often they could differ on examples not seen; "),
                    finding.detail());
            assertTrue(finding.detail().contains("95% agreement bound"), finding.detail());
        }
        assertTrue(result.summary().contains("both models select 'a' alike"), result.summary());
        // the gate line names the class its rates are of, and why that class
        assertTrue(result.summary().endsWith(". Rates of class 'a': named by the policy (fairness.positiveClass), "
                + "measured one-vs-rest"), result.summary());

        Finding within = pack().primary(200, SAME_AS_PRODUCTION).policy("{\"fairness\": {\"positiveClass\": \"a\", "
                + "\"tolerances\": {\"demographic_parity_difference\": 0.1}}}").review().gates().result(Gate.FAIRNESS)
                .findings().get(0);
        assertEquals(GateOutcome.PASS, within.outcome());
        assertTrue(within.detail().startsWith("gender demographic_parity_difference: both models select 'a' alike on "
                + "every example these rates count, so the change is bounded by how often they could differ on "
                + "examples not seen; the gap between groups grew by at most 0.07"), within.detail());
    }

    /**
     * The reviewer's `near` pack in small: the candidate drops two true positives of m (rows 6 and 18), the group
     * with production's higher TPR (31 of 34 against f's 29 of 33), so both disagreements lower the TPR gap. The
     * bootstrap sees only those two and could not show the gap growing; the models may differ on examples not seen
     * either way. With fewer than 25 disagreements the interval holds the agreement bound of those seen: each group's
     * disagreement share below its exact Clopper–Pearson limit at 0.05/2, U(2, 34) + U(0, 33) = 0.3025360194101548
     * (scipy: beta.ppf(0.975, 3, 32) + beta.ppf(0.975, 1, 33)), so the gate cannot pass equal opportunity.
     */
    @Test
    void fairnessOfACandidateThatDiffersOnTwoExamplesRestsOnTheirAgreementBound() throws PackException {
        GateResult result = pack().primary(200, row -> row == 6 || row == 18 ? wrong(row)
                : SAME_AS_PRODUCTION.apply(row)).policy("{\"fairness\": {\"positiveClass\": \"a\"}}")
                .review().gates().result(Gate.FAIRNESS);
        Finding opportunity = result.findings().stream()
                .filter(f -> f.subject().equals("gender equal_opportunity_difference")).findFirst().orElseThrow();
        assertTrue(opportunity.numbers().get("worsening") < 0, opportunity.detail());
        assertEquals(0.3025360194101548, opportunity.numbers().get("worseningCiUpper"), 1e-9);
        assertEquals(-0.3025360194101548, opportunity.numbers().get("worseningCiLower"), 1e-9);
        assertEquals(2, opportunity.numbers().get("disagreements"), 0);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, opportunity.outcome());
        assertTrue(opportunity.detail().startsWith("gender equal_opportunity_difference: the models select 'a' "
                + "differently on only 2 of the examples these rates count (fewer than 25, too few for the bootstrap to "
                + "show how far the gap could move), so the change is bounded by how often they could differ on "
                + "examples not seen; the gap between groups may have grown by up to 0.30"), opportunity.detail());
        assertTrue(opportunity.detail().contains("95% agreement bound"), opportunity.detail());
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
    }

    /**
     * A candidate that never predicts the class the policy watches has a selection rate, TPR and FPR of 0 in every
     * group: its demographic_parity_ratio is 0 / 0, undefined (fairlearn gives NaN), not parity, and its differences
     * are 0 only because every rate is. Nothing can be measured, so no disparity reads "fairer" and the gate lacks
     * evidence. Production selects a on 32 of 100 f rows and 34 of 100 m rows (counted by hand from TestPack's rows:
     * the a rows but every tenth, and the c rows it gets wrong), its ratio 32/100 ÷ 34/100 = 16/17.
     */
    @Test
    void fairnessOfACandidateThatNeverSelectsTheClassIsNotMeasuredAndNotPassed() throws PackException {
        CandidateReview review = pack().primary(200, row -> label(row).equals("a") ? "b" : label(row))
                .policy("{\"fairness\": {\"positiveClass\": \"a\"}}").review();
        GateResult result = review.gates().result(Gate.FAIRNESS);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        assertEquals(4, result.findings().size());
        for (Finding finding : result.findings()) {
            assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, finding.outcome(), finding.detail());
            assertFalse(finding.detail().contains("fairer"), finding.detail());
            assertFalse(finding.detail().contains("About "), finding.detail());
            assertFalse(finding.numbers().containsKey("worsening"), finding.detail());
            assertEquals(0.0, finding.numbers().get("candidateSelected"), finding.detail());
            assertTrue(finding.detail().contains("; parity here comes from never selecting the class, not from "
                    + "treating groups alike. "), finding.detail());
        }
        Finding ratio = finding(result, "gender demographic_parity_ratio");
        assertFalse(ratio.numbers().containsKey("candidate"), ratio.detail());
        assertEquals(16.0 / 17, ratio.numbers().get("production"), 1e-12);
        assertEquals(66.0, ratio.numbers().get("productionSelected"));
        assertTrue(ratio.detail().startsWith("gender demographic_parity_ratio: candidate 2 predicts 'a' on 0 of the 200"
                + " examples of these groups: its selection rate, TPR and FPR are 0 in every group, so no disparity can"
                + " be measured (its ratio is 0 / 0, undefined); parity here comes from never selecting the class, not"
                + " from treating groups alike. Production 1 selects it on 66, its own ratio 0.941 ["), ratio.detail());
        assertTrue(ratio.detail().endsWith("; groups f n=100, m n=100. A model must select 'a' to be judged on it: if "
                + "the candidate is meant to stop predicting it, the policy's fairness.positiveClass can name a class "
                + "it predicts; if not, its recall of 'a' is lost (Compare, recall per class)"), ratio.detail());
        Finding difference = finding(result, "gender demographic_parity_difference");
        assertEquals(0.0, difference.numbers().get("candidate"));
        assertTrue(difference.detail().contains("so no disparity can be measured (its demographic_parity_difference "
                + "is 0 only because every rate is)"), difference.detail());
        // equal opportunity counts the positives: 67 labelled a, of which production selects 60
        Finding opportunity = finding(result, "gender equal_opportunity_difference");
        assertEquals(60.0, opportunity.numbers().get("productionSelected"));
        assertTrue(opportunity.detail().startsWith("gender equal_opportunity_difference: candidate 2 predicts 'a' for "
                + "none of the 67 examples labelled 'a' in these groups: its TPR is 0 in every group, so no disparity "
                + "can be measured"), opportunity.detail());

        // the Evidence page: no ratio drawn for the candidate, and the table says why
        EvidenceSection section = FairnessSection.of(result, review.evidence().fairness().orElseThrow(),
                review.policy());
        EvidenceTable disparities = section.tables().stream().filter(t -> t.caption().startsWith("Disparities over"))
                .findFirst().orElseThrow();
        List<String> ratioRow = disparities.rows().stream().filter(r -> r.get(0).text().equals(
                "demographic_parity_ratio")).findFirst().orElseThrow().stream().map(EvidenceTable.Cell::text).toList();
        assertEquals("undefined: selects no 'a' (0 / 0)", ratioRow.get(2));
        assertEquals("not measured: the candidate selects no 'a' that these rates count", ratioRow.get(3));
        assertTrue(section.charts().stream().filter(c -> c instanceof EvidenceChart.PairedEstimates)
                .map(c -> (EvidenceChart.PairedEstimates) c).flatMap(c -> c.rows().stream())
                .noneMatch(row -> row.label().startsWith("demographic_parity_ratio")));
    }

    /**
     * A production that never selects the class gives no baseline: its ratio is 0 / 0, undefined, and the change is
     * the candidate's own ratio measured from parity. Binary, 200 rows per gender, 100 fraud among f and 50 among m:
     * production scores every row 0.1 (never fraud), the candidate scores exactly the fraud rows 0.9, so its ratio is
     * 0.25 / 0.5 = 0.5, half a ratio from parity: it fails as any candidate that far from parity fails.
     */
    @Test
    void fairnessAgainstAProductionThatNeverSelectsIsMeasuredFromParity() throws PackException {
        StringBuilder csv = new StringBuilder("example_id,label,language,gender,score_1,score_2\n");
        for (int row = 0; row < 400; row++) {
            boolean fraud = row % 4 == 0 || row % 4 == 1 && row % 8 < 4;
            csv.append("ex-").append(row).append(',').append(fraud ? "fraud" : "ok").append(',').append(language(row))
                    .append(',').append(row % 8 < 4 ? "f" : "m").append(",0.1,").append(fraud ? "0.9" : "0.2")
                    .append('\n');
        }
        GateResult result = pack().binary("fraud").file("primary.csv", csv.toString()).review().gates()
                .result(Gate.FAIRNESS);
        Finding ratio = finding(result, "gender demographic_parity_ratio");
        assertFalse(ratio.numbers().containsKey("production"), ratio.detail());
        assertEquals(0.0, ratio.numbers().get("productionSelected"));
        assertEquals(0.5, ratio.numbers().get("candidate"), 1e-12);
        assertEquals(0.5, ratio.numbers().get("worsening"), 1e-12);
        assertEquals(GateOutcome.FAIL, ratio.outcome(), ratio.detail());
        assertTrue(ratio.detail().startsWith("gender demographic_parity_ratio: production 1 predicts 'fraud' on 0 of "
                + "the 400 examples of these groups, so its demographic_parity_ratio is 0 / 0, undefined: the change "
                + "is the candidate's ratio measured from parity (1), the fairest production could have been; "),
                ratio.detail());
        assertTrue(ratio.detail().contains(" vs production undefined (selects none), change in unfairness "),
                ratio.detail());
        assertFalse(ratio.detail().contains("fairer"), ratio.detail());
    }

    /**
     * Two fraud rows per gender among 200: the candidate misses one of f's, production none. With 2 positives a group
     * equal opportunity's agreement bound is the exact limits U(1, 2) + U(0, 2) = 0.987 + 0.842, above 1, so the
     * worsening's interval is the whole range [−1, +1]: it has no width that more examples would narrow, and the line
     * says so instead of a number of examples extrapolated from the scale's bounds.
     */
    @Test
    void aWorseningIntervalOfTheWholeRangeSaysNoNumberOfExamples() throws PackException {
        StringBuilder csv = new StringBuilder("example_id,label,language,gender,score_1,score_2\n");
        for (int row = 0; row < 200; row++) {
            boolean fraud = row < 4;
            String production = fraud || row % 10 == 5 ? "0.9" : "0.1";
            csv.append("ex-").append(row).append(',').append(fraud ? "fraud" : "ok").append(',').append(language(row))
                    .append(',').append(row % 2 == 0 ? "f" : "m").append(',').append(production).append(',')
                    .append(row == 0 ? "0.1" : production).append('\n');
        }
        GateResult result = pack().binary("fraud").file("primary.csv", csv.toString()).review().gates()
                .result(Gate.FAIRNESS);
        Finding opportunity = finding(result, "gender equal_opportunity_difference");
        assertEquals(-1.0, opportunity.numbers().get("worseningCiLower"), opportunity.detail());
        assertEquals(1.0, opportunity.numbers().get("worseningCiUpper"), opportunity.detail());
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, opportunity.outcome());
        assertFalse(opportunity.detail().contains("About "), opportunity.detail());
        assertTrue(opportunity.detail().endsWith("; groups f n=100, m n=100. The interval spans every change a "
                + "disparity can make (−1 to +1): these groups hold too few of the examples these rates count to say "
                + "how many more would settle it; the allowed change is the policy's "
                + "fairness.tolerances.equal_opportunity_difference"), opportunity.detail());
    }

    /**
     * "No class's recall is significantly worse" must not hide a class the candidate loses where no test can show it:
     * class d has 8 examples, production recalls 3 of them (rows 0 – 2) and predicts d nowhere else, the candidate
     * never predicts d. Its recall falls from 3 of 8 to 0 of 8, too few examples for an interval of Δ, and every
     * other class is recalled better (production misses every tenth row), so nothing is significantly worse.
     */
    @Test
    void aClassTheCandidateNeverPredictsIsSaidThoughNoTestShowsIt() throws PackException {
        WorseFindings worse = lostClassPack(false).review().evidence().worseFindings();
        assertEquals(List.of(), worse.overall());
        assertEquals("Nothing else is significantly worse overall: no other metric, and no class's recall.",
                worse.nothingElse());
        assertEquals("Lost by the candidate, though no test shows it: class d: recall 3 of 8 → 0 of 8, too few to test;"
                + " the candidate never predicts it (production on 3 rows).", worse.lostClasses());
    }

    /**
     * The same lost class d beside a class the candidate is shown to lose recall on: it also calls every other c row
     * a (66 of the 131 rows of c), so the recall of c falls from 0.89 to 0.50 and is a finding; d, which no test can
     * judge, is said all the same, not only when nothing else is worse.
     */
    @Test
    void aLostClassIsSaidBesideWhatElseIsWorse() throws PackException {
        CandidateReview review = lostClassPack(true).review();
        WorseFindings worse = review.evidence().worseFindings();
        assertTrue(worse.overall().stream().anyMatch(line -> line.startsWith("recall of c worse: Δ −0.")),
                worse.overall().toString());
        assertEquals("Lost by the candidate, though no test shows it: class d: recall 3 of 8 → 0 of 8, too few to test;"
                + " the candidate never predicts it (production on 3 rows).", worse.lostClasses());
        ClassRecall lost = review.evidence().primaryComparison().lostClasses().get(0);
        assertEquals("d", lost.className());
        assertEquals(List.of(3L, 0L, 3L, 0L), List.of(lost.productionRecalled(), lost.candidateRecalled(),
                lost.productionPredicted(), lost.candidatePredicted()));
    }

    /**
     * 400 rows; class d on rows 0 – 7, recalled by production on rows 0 – 2 and never predicted by the candidate;
     * production misses every tenth other row; with {@code alsoWorseOnC} the candidate calls every even row of c a.
     */
    private TestPack lostClassPack(boolean alsoWorseOnC) {
        StringBuilder csv = new StringBuilder("example_id,label,language,gender,pred_1,pred_2\n");
        for (int row = 0; row < 400; row++) {
            String label = row < 8 ? "d" : label(row);
            String production = row < 8 ? (row < 3 ? "d" : "a") : row % 10 == 9 ? wrong(row) : label;
            String candidate = row < 8 ? "a" : alsoWorseOnC && label.equals("c") && row % 2 == 0 ? "a" : label;
            csv.append("ex-").append(row).append(',').append(label).append(',').append(language(row)).append(',')
                    .append(row % 4 < 2 ? "f" : "m").append(',').append(production).append(',')
                    .append(candidate).append('\n');
        }
        return pack().file("primary.csv", csv.toString());
    }

    private static Finding finding(GateResult result, String subject) {
        return result.findings().stream().filter(f -> f.subject().equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void fairnessFailsWhenTheCandidateSelectsOnlyOneGroup() throws PackException {
        // candidate predicts a for every f row and never for m rows: selection rates 1.0 vs 0.0, DP difference 1
        TestPack pack = pack().primary(200, row -> row % 4 < 2 ? "a" : (label(row).equals("a") ? "b" : label(row)))
                .policy("{\"fairness\": {\"positiveClass\": \"a\"}}");
        GateResult result = pack.review().gates().result(Gate.FAIRNESS);
        assertEquals(GateOutcome.FAIL, result.outcome());
        Finding parity = result.findings().get(0);
        assertEquals("gender demographic_parity_difference", parity.subject());
        assertEquals(1.0, parity.numbers().get("candidate"), 1e-12);
        // it fails because the whole interval of the worsening lies beyond the tolerance, not only the estimate
        assertTrue(parity.numbers().get("worseningCiLower") > 0.05, parity.detail());
        assertTrue(parity.detail().startsWith("gender demographic_parity_difference: the gap between groups grew by "
                + "at least 0."), parity.detail());
        // a ratio (1 at parity) worsens by falling, from production's 1 to the candidate's 0: it says it fell
        Finding ratio = result.findings().stream()
                .filter(f -> f.subject().equals("gender demographic_parity_ratio")).findFirst().orElseThrow();
        assertEquals(GateOutcome.FAIL, ratio.outcome());
        assertEquals(0.0, ratio.numbers().get("candidate"), 1e-12);
        assertTrue(ratio.detail().startsWith("gender demographic_parity_ratio: the ratio between groups (1 is parity) "
                + "fell by at least 0."), ratio.detail());
        assertTrue(!ratio.detail().contains("gap") && !ratio.detail().contains("grew"), ratio.detail());
    }

    /**
     * 40 rows, 20 per gender: the candidate also selects a on four f rows labelled b or c (rows 1, 4, 5, 8), so its
     * demographic parity difference is 0.2 worse, beyond the 0.05 tolerance — but with 20 rows per group the interval
     * of the worsening reaches below the tolerance, so the gate can neither pass nor fail: it lacks evidence, and the
     * verdict agrees with the interval printed beside it. Four disagreements are too few for the bootstrap alone: the
     * interval holds their agreement bound, and the line says so before the outcome in words, and after the group
     * sizes that groups under 30 examples are redrawn from Jeffreys' prior.
     */
    @Test
    void fairnessLacksEvidenceWhenOnlyThePointEstimateIsBeyondTolerance() throws PackException {
        TestPack pack = pack().primary(40, row -> row % 4 < 2 && row < 12 && !label(row).equals("a") ? "a"
                : SAME_AS_PRODUCTION.apply(row))
                .policy("{\"fairness\": {\"positiveClass\": \"a\", \"minGroupSize\": 10}}");
        GateResult result = pack.review().gates().result(Gate.FAIRNESS);
        Finding parity = result.findings().get(0);
        assertEquals("gender demographic_parity_difference", parity.subject());
        assertEquals(0.2, parity.numbers().get("worsening"), 1e-12);
        assertTrue(parity.numbers().get("worseningCiLower") <= 0.05, parity.detail());
        assertTrue(parity.numbers().get("worseningCiUpper") > 0.05, parity.detail());
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, parity.outcome());
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        // in words first, the numbers and the method after them; and "more" says more of what
        String detail = parity.detail();
        assertTrue(detail.startsWith("gender demographic_parity_difference: the models select 'a' differently on "
                + "only 4 of the examples these rates count (fewer than 25, too few for the bootstrap to show how far "
                + "the gap could move), so the change is bounded by how often they could differ on examples not seen; "
                + "the gap between groups may have grown by up to 0."), detail);
        assertTrue(detail.indexOf("(allowed 0.05") < detail.indexOf(": the data cannot tell whether it grew beyond "
                + "that. Measured: candidate "), detail);
        assertTrue(detail.indexOf("Measured:") < detail.indexOf("95% agreement bound"), detail);
        // groups of 20 are judged only because the policy lowered minGroupSize: the line says their rates are unsure
        assertTrue(detail.contains("; groups f n=20, m n=20 (f and m: too few examples to know their rates, redrawn "
                + "from Jeffreys' prior, which widens the interval). "), detail);
        // what would settle it: the interval's lower half-width (0.2 − lower) shrinking as 1/√n until it clears the
        // tolerance, 40 · ((0.2 − lower) / (0.2 − 0.05))² examples, said to two significant digits and rounded up
        double halfWidth = 0.2 - parity.numbers().get("worseningCiLower");
        double needed = 40 * Math.pow(halfWidth / 0.15, 2);
        long said = Long.parseLong(detail.replaceAll(".*\\. About ([0-9,]+) examples.*", "$1").replace(",", ""));
        assertTrue(said >= needed && said < needed * 1.1 + 1, needed + " vs " + detail);
        assertTrue(detail.endsWith(" examples in these groups (now 40), in the same proportions, would show it beyond"
                + " the allowed change if the change stays at +0.200 (an approximation: the interval taken to narrow"
                + " as 1/√n); the allowed change is the policy's fairness.tolerances.demographic_parity_difference"),
                detail);
        long more = result.findings().stream().filter(f -> f.outcome() == GateOutcome.INSUFFICIENT_EVIDENCE).count()
                - 1;
        assertTrue(more > 0 && result.summary().endsWith("(and " + more + " more disparit" + (more == 1 ? "y" : "ies")
                + " that also lack" + (more == 1 ? "s" : "") + " evidence). Rates of class 'a': named by the policy "
                + "(fairness.positiveClass), measured one-vs-rest"), result.summary());
        // a worsening lies within ±1 (each disparity within [0, 1]): the basic bootstrap's end must not pass it
        for (Finding finding : result.findings()) {
            assertTrue(finding.numbers().get("worseningCiUpper") <= 1, finding.detail());
        }
    }

    @Test
    void fairnessLacksEvidenceWhenEveryGroupIsTooSmall() throws PackException {
        GateResult result = pack().primary(200, SAME_AS_PRODUCTION).policy("{\"fairness\": {\"minGroupSize\": 150}}")
                .review().gates().result(Gate.FAIRNESS);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome());
        // no class named by the policy: the gate line says which class the rates are of, and that it is the rarest
        assertTrue(result.summary().matches(".*\\. Rates of class '[a-z]+': the rarest class of the primary labels "
                + "\\([0-9]+ examples\\), measured one-vs-rest; set fairness.positiveClass in the policy to choose "
                + "another"), result.summary());
    }

    /**
     * Every fairness line gives the size of the groups behind its disparity, and of those left out as too small;
     * the selection-rate chart still draws a left-out group, greyed and said not to be judged.
     */
    @Test
    void fairnessLinesGiveEachGroupsSizeAndTheChartGreysALeftOutGroup() throws PackException {
        GateResult judged = pack().primary(200, SAME_AS_PRODUCTION).policy("{\"fairness\": {\"positiveClass\": \"a\"}}")
                .review().gates().result(Gate.FAIRNESS);
        for (Finding finding : judged.findings()) {
            // a line without evidence goes on to say what would settle it
            assertTrue(finding.detail().endsWith("; groups f n=100, m n=100")
                    || finding.outcome() == GateOutcome.INSUFFICIENT_EVIDENCE
                    && finding.detail().contains("; groups f n=100, m n=100. About "), finding.detail());
        }

        CandidateReview tooSmall = pack().primary(200, SAME_AS_PRODUCTION)
                .policy("{\"fairness\": {\"positiveClass\": \"a\", \"minGroupSize\": 150}}").review();
        GateResult leftOut = tooSmall.gates().result(Gate.FAIRNESS);
        assertTrue(leftOut.findings().get(0).detail().endsWith("(left out, too small: f n=100, m n=100)"),
                leftOut.findings().get(0).detail());
        EvidenceChart selection = FairnessSection.of(leftOut,
                tooSmall.evidence().fairness().orElseThrow(), tooSmall.policy()).charts().get(0);
        XYPlot plot = new EvidenceCharts().build(selection).getXYPlot();
        assertEquals("gender=f (n=100, too small, not judged)",
                ((SymbolAxis) plot.getRangeAxis()).getSymbols()[0]);
        for (int series = 0; series < 2; series++) {
            assertEquals(ReportPalette.SET_ASIDE, plot.getRenderer().getItemPaint(series, 0));
        }
    }

    /**
     * A group too small to judge shows, in place of its change, why it has none, on the Evidence page and in the JSON
     * alike: a bare Δ of a handful of rows would read as a result.
     */
    @Test
    void aGroupTooSmallToJudgeSaysWhyItsChangeHasNoIntervalWhereverTheChangesAreShown() throws PackException {
        CandidateReview tooSmall = pack().primary(200, SAME_AS_PRODUCTION)
                .policy("{\"fairness\": {\"positiveClass\": \"a\", \"minGroupSize\": 150}}").review();
        EvidenceTable changes = FairnessSection.of(tooSmall.gates().result(Gate.FAIRNESS),
                tooSmall.evidence().fairness().orElseThrow(), tooSmall.policy()).tables().stream()
                .filter(t -> t.caption().startsWith("Change by ")).findFirst().orElseThrow();
        for (List<EvidenceTable.Cell> row : changes.rows()) {
            assertEquals("not tested: 100 rows, under the minimum of 150 (fairness.minGroupSize), so no interval",
                    row.get(3).text(), row.toString());
            assertEquals("–", row.get(4).text());
            assertEquals("too few examples", row.get(5).text());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) GateJson.of(tooSmall).get("fairnessChanges");
        assertEquals(0.05, json.get("band"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) json.get("changes");
        assertEquals(2 * 3, entries.size(), "two genders, three rates each");
        Map<String, Object> first = entries.get(0);
        assertEquals(List.of("attribute", "group", "rate", "higherIsBetter", "counted", "production", "candidate",
                "delta", "ciLower", "ciUpper", "level", "familySize", "pValue", "adjustedP", "verdict", "untested"),
                List.copyOf(first.keySet()));
        assertEquals("f", first.get("group"));
        assertEquals("selection_rate", first.get("rate"));
        assertNull(first.get("ciLower"));
        assertEquals("too few examples", first.get("verdict"));
        // each model's rate gives its modified Wilson interval (its counts lie beyond the few near either end that
        // the modification touches, so Wilson's) as Δ's is given, ciLower and ciUpper, and as the ci pair too
        for (String model : List.of("production", "candidate")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> rate = (Map<String, Object>) first.get(model);
            assertEquals(List.of("value", "ci", "ciLower", "ciUpper", "n"), List.copyOf(rate.keySet()), model);
            double p = (Double) rate.get("value");
            long n = ((Number) rate.get("n")).longValue();
            double z = 1.959963984540054; // the policy's 95%
            double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
            assertEquals(centre - half, (Double) rate.get("ciLower"), 1e-9, model + " Wilson lower bound");
            assertEquals(centre + half, (Double) rate.get("ciUpper"), 1e-9, model + " Wilson upper bound");
            assertEquals(List.of(rate.get("ciLower"), rate.get("ciUpper")), rate.get("ci"), model);
        }
        assertEquals(changes.rows().get(0).get(3).text(), first.get("untested"));
    }

    // Gate 4: languages en (even rows) and de (odd rows), 100 each.
    @Test
    void languageParityPassesWhenNoLanguageIsWorse() throws PackException {
        CandidateReview review = pack().review();
        GateResult result = review.gates().result(Gate.LANGUAGE_PARITY);
        assertEquals(GateOutcome.PASS, result.outcome());
        // Compare adjusts the same language's row over every slice: the summary says why the two may differ
        long slices = review.evidence().primaryComparison().resultsFor(review.evidence().primaryMetric()).stream()
                .filter(r -> r.shownInterval() != null && r.shownInterval().family() == TestFamily.SLICES).count();
        assertTrue(slices > 2, "slices " + slices);
        assertTrue(result.summary().endsWith("(2 languages, adjusted among themselves and judged against E; "
                + "Compare adjusts each over all " + slices + " slices and reads its verdict against the primary "
                + "margin, so its interval and verdict for a language may differ)"), result.summary());
    }

    @Test
    void languageParityFailsWhenOneLanguageIsSignificantlyWorse() throws PackException {
        GateResult result = pack().primary(200, row -> language(row).equals("de") ? wrong(row) : label(row)).review()
                .gates().result(Gate.LANGUAGE_PARITY);
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertTrue(result.summary().startsWith("de:"), result.summary());
        // the languages are adjusted among themselves, apart from the Slices gate's slices: the line names its family
        assertTrue(result.summary().contains("% Holm-adjusted interval over the 2 languages)"), result.summary());
    }

    @Test
    void aFailingLanguageParitySummaryAlsoNamesTheInconclusiveLanguages() throws PackException {
        // de: every row wrong (significantly worse); en: production is right on all 100 rows, the candidate wrong
        // on rows 0 and 100 only: 2 discordant pairs cannot show a difference (McNemar z = 2/√2, p = 0.157), yet
        // the interval of Δ, Tango's [−0.070, +0.018] at 95 %, reaches beyond the minimum detectable effect
        GateResult result = pack().primary(200, row -> language(row).equals("de") || row % 100 == 0 ? wrong(row)
                : label(row)).review().gates().result(Gate.LANGUAGE_PARITY);
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertTrue(result.summary().startsWith("de:"), result.summary());
        assertTrue(result.summary().contains("; insufficient evidence for en (n=100, Δ −"), result.summary());
        // how wide the doubt is, as the language's own finding says it: Δ with the interval its verdict reads
        assertTrue(java.util.regex.Pattern.compile("insufficient evidence for en \\(n=100, Δ −0\\.\\d+ "
                + "\\[−0\\.\\d+, \\+0\\.\\d+\\]\\)").matcher(result.summary()).find(), result.summary());
        // a p-value below the third decimal reads "<0.001", never a misleading 0, as in Compare's column
        assertTrue(result.summary().contains("adjusted p <0.001, worse"), result.summary());
    }

    @Test
    void languageParityPassesAMayBeMuchBetterLanguageWhoseWorseEndIsWithinE() throws PackException {
        // de: production is wrong on its 20 rows 9, 19, …; the candidate also gets 9, 19, 29 and 39 right (4
        // discordant pairs, all for it): Δ +0.04, not significant, an interval whose upper end passes +E = 0.05 —
        // the comparison's "inconclusive" — while its lower end, the worst case, is within −E
        GateResult result = pack().primary(200, row -> row % 10 == 9 && row >= 40 ? wrong(row) : label(row))
                .review().gates().result(Gate.LANGUAGE_PARITY);
        Finding de = result.findings().stream().filter(f -> f.subject().equals("language=de")).findFirst()
                .orElseThrow();
        assertTrue(de.numbers().get("ciUpper") > 0.05 && de.numbers().get("ciLower") < 0, de.detail());
        assertTrue(de.numbers().get("ciLower") >= -0.05, de.detail());
        assertTrue(de.detail().contains("inconclusive); worst case −"), de.detail());
        assertTrue(de.detail().endsWith(" ≥ −0.050 (tolerance E)"), de.detail());
        assertEquals(GateOutcome.PASS, de.outcome(), de.detail());
        assertEquals(GateOutcome.PASS, result.outcome(), result.summary());
    }

    @Test
    void languageParityLacksEvidenceWhenALossBeyondECannotBeRuledOut() throws PackException {
        // de: the candidate is also wrong on rows 1 and 3 (2 discordant pairs against it): Δ −0.02, not
        // significant, and the lower end of its interval is below −E
        GateResult result = pack().primary(200, row -> row % 10 == 9 || row == 1 || row == 3 ? wrong(row)
                : label(row)).review().gates().result(Gate.LANGUAGE_PARITY);
        Finding de = result.findings().stream().filter(f -> f.subject().equals("language=de")).findFirst()
                .orElseThrow();
        assertTrue(de.numbers().get("ciLower") < -0.05 && de.numbers().get("ciUpper") > 0, de.detail());
        assertTrue(de.detail().endsWith(" < −0.050 (tolerance E)"), de.detail());
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, de.outcome(), de.detail());
    }

    /**
     * E is the policy's languageParity.tolerance: widened, the same language whose loss beyond 0.05 could not be ruled
     * out passes within it, and each fairness group's change is read in the same band, which says where it comes from.
     */
    @Test
    void thePolicysLanguageParityToleranceIsEForTheGateAndForTheFairnessChanges() throws PackException {
        CandidateReview review = pack().primary(200, row -> row % 10 == 9 || row == 1 || row == 3 ? wrong(row)
                : label(row)).policy("{\"languageParity\": {\"tolerance\": 0.12}}").review();
        GateResult result = review.gates().result(Gate.LANGUAGE_PARITY);
        Finding de = result.findings().stream().filter(f -> f.subject().equals("language=de")).findFirst()
                .orElseThrow();
        double worstCase = de.numbers().get("ciLower");
        assertTrue(worstCase < -0.05 && worstCase >= -0.12, "beyond the default E, within the policy's: "
                + de.detail());
        assertTrue(de.detail().endsWith(" ≥ −0.120 (tolerance E)"), de.detail());
        assertEquals(GateOutcome.PASS, de.outcome(), de.detail());
        assertTrue(result.summary().contains("E = 0.120 (the policy's languageParity.tolerance)"), result.summary());
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) GateJson.of(review).get("fairnessChanges");
        assertEquals(0.12, changes.get("band"));
        assertTrue(((String) changes.get("bandText")).startsWith("±0.12 (E, ")
                && ((String) changes.get("bandText")).endsWith("the policy's languageParity.tolerance)"),
                changes.toString());
    }

    /**
     * A language's line gives, beside its n, the count its metric rests on, as the worse slices' lines do: macro_f1
     * averages the classes' F1, so the smallest class's support (en: the even rows, a/b/c 34/33/33; de: 33/34/33).
     * de: every row wrong; en: the candidate wrong on rows 0, 100 and 150, a loss beyond E not ruled out, named
     * with its counts in the failing summary too.
     */
    @Test
    void languageParityLinesGiveTheCountTheirMetricRestsOn() throws PackException {
        GateResult result = pack().primaryMetric("macro_f1").primary(200, row -> language(row).equals("de")
                || row % 100 == 0 || row == 150 ? wrong(row) : label(row)).review().gates()
                .result(Gate.LANGUAGE_PARITY);
        for (Finding finding : result.findings()) {
            assertTrue(finding.detail().contains(" (n=100, min class 33, "), finding.detail());
        }
        assertTrue(result.summary().contains("; insufficient evidence for en (n=100, min class 33, Δ −"),
                result.summary());
    }

    @Test
    void languageParityFailsBelowTheFloor() throws PackException {
        // candidate = production: 0.9 in both languages, below a floor of 0.95
        assertEquals(GateOutcome.FAIL, outcome(pack().primary(200, SAME_AS_PRODUCTION)
                .policy("{\"languageParity\": {\"floor\": 0.95}}"), Gate.LANGUAGE_PARITY));
    }

    @Test
    void languageParityWithoutALanguageColumnIsNotApplicableUnlessRequired() throws PackException {
        GateResult notApplicable = pack().policy("{\"languageParity\": {\"column\": \"locale\"}}").review().gates()
                .result(Gate.LANGUAGE_PARITY);
        assertEquals(GateOutcome.NOT_APPLICABLE, notApplicable.outcome());
        // the pack's slice column 'language' looks like it: the summary names the policy key that would judge it
        assertTrue(notApplicable.summary().endsWith("; if the slice column 'language' holds the language, name it in "
                + "the policy: \"languageParity\": {\"column\": \"language\"} (the gate reads the column "
                + "languageParity.column names, here 'locale')"), notApplicable.summary());
        GateResult required = pack().policy("{\"languageParity\": {\"column\": \"locale\"}, "
                + "\"requiredSuites\": [\"language\"]}").review().gates().result(Gate.LANGUAGE_PARITY);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, required.outcome());
        assertTrue(required.summary().startsWith("no 'locale' slice column in the primary suite, so "),
                required.summary());
    }

    // Gate 5: default SLO p95 300 ms, p99 800 ms, at least 200 samples.
    private static String latency(int rows, int candidateBase) {
        StringBuilder csv = new StringBuilder("version,latency_ms\n");
        for (int i = 0; i < rows; i++) {
            csv.append("1,").append(100 + i % 50).append('\n');
            csv.append("2,").append(candidateBase + i % 50).append('\n');
        }
        return csv.toString();
    }

    @Test
    void latencyPassesWithinTheSlo() throws PackException {
        GateResult result = pack().suite("latency", "latency.csv", latency(300, 100)).review().gates()
                .result(Gate.LATENCY);
        assertEquals(GateOutcome.PASS, result.outcome());
        // the line quotes the upper bounds it judged and n. By hand: the candidate's 300 latencies are 100 … 149 ms,
        // each 6 times; the 95 % order-statistic upper bound of p95 sits near rank 285 + 1.96·√(300·0.95·0.05) ≈ 292
        // (ranks 289–294 hold 148 ms), of p99 at the top rank, 149 ms
        assertTrue(result.summary().contains("upper bound 148.0 ms ≤ 300.0 ms"), result.summary());
        assertTrue(result.summary().contains("upper bound 149.0 ms ≤ 800.0 ms"), result.summary());
        assertTrue(result.summary().contains("(n=300, 95% order-statistic intervals)"), result.summary());
    }

    @Test
    void aSuiteProblemMetBesideTheComparisonsIsThrownWithItsFileLineAndColumn() {
        // the suites are read on a thread of their own while the comparisons run: the problem reaches the caller alike
        TestPack pack = pack().suite("latency", "latency.csv", latency(3, 100) + "2,fast\n");
        PackException problem = assertThrows(PackException.class, pack::review);
        assertTrue(problem.getMessage().startsWith("latency.csv, line 8, column 2: "), problem.getMessage());
    }

    @Test
    void latencyFailsAboveTheSlo() throws PackException {
        assertEquals(GateOutcome.FAIL, outcome(pack().suite("latency", "latency.csv", latency(300, 1000)),
                Gate.LATENCY));
    }

    @Test
    void latencyLacksEvidenceWithTooFewSamples() throws PackException {
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, outcome(pack().suite("latency", "latency.csv",
                latency(50, 100)), Gate.LATENCY));
    }

    // Gate 6: one day of 1000 requests per model.
    private static String canary(int candidateSuccesses) {
        return "date,version,requests,successes\n2026-11-01,1,1000,900\n2026-11-01,2,1000," + candidateSuccesses + "\n";
    }

    @Test
    void canaryPassesWhenTheLiftIsNotSignificantlyNegative() throws PackException {
        assertEquals(GateOutcome.PASS, outcome(pack().suite("canary", "canary.csv", canary(895)), Gate.CANARY));
    }

    /**
     * The line gives each rate with its Wilson interval and the lift with the level and name of its interval; the
     * numbers are the textbook formulas by hand (Wilson 1927; Newcombe 1998, method 10) for 950 and 900 of 1,000.
     */
    @Test
    void canaryLineGivesEachRateWithItsIntervalAndTheLiftsLevelAndMethod() throws PackException {
        GateResult result = pack().suite("canary", "canary.csv", canary(950)).review().gates().result(Gate.CANARY);
        assertEquals("success rate candidate 95.00% [93.47%, 96.19%] (n=1,000) vs production 90.00% [87.98%, 91.71%]"
                + " (n=1,000): lift +5.00 points, 95% Newcombe interval [+2.71, +7.34], not significantly negative",
                result.summary());
    }

    @Test
    void canaryFailsWhenTheLiftIsSignificantlyNegative() throws PackException {
        GateResult result = pack().suite("canary", "canary.csv", canary(500)).review().gates().result(Gate.CANARY);
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertEquals(-0.4, result.findings().get(0).numbers().get("lift"), 1e-12);
    }

    @Test
    void canaryLacksEvidenceWhenRequiredOrWhenTheCandidateServedNothing() throws PackException {
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, outcome(pack().policy("{\"requiredSuites\": [\"canary\"]}"),
                Gate.CANARY));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, outcome(pack().suite("canary", "canary.csv",
                "date,version,requests,successes\n2026-11-01,1,1000,900\n"), Gate.CANARY));
    }

    @Test
    void canaryIsNotApplicableWithoutARunUnlessRequired() throws PackException {
        CandidateReview review = pack().review();
        assertEquals(GateOutcome.NOT_APPLICABLE, review.gates().result(Gate.CANARY).outcome());
        assertFalse(GateOutcome.NOT_APPLICABLE.blocksPromotion());
    }

    // Gate 7: candidate accuracy 1.0 (or 0.9 when it copies production); default margin 0.02.
    private static String history(double best) {
        return "version,date,value\n40,2026-06-01,0.85\n41,2026-08-01," + best + "\n";
    }

    @Test
    void circuitBreakerPassesNearTheHistoricalBest() throws PackException {
        assertEquals(GateOutcome.PASS, outcome(pack().suite("metricHistory", "history.csv", history(0.95)),
                Gate.CIRCUIT_BREAKER));
    }

    @Test
    void circuitBreakerFailsFarBelowTheHistoricalBest() throws PackException {
        GateResult result = pack().primary(200, SAME_AS_PRODUCTION)
                .suite("metricHistory", "history.csv", history(0.99)).review().gates().result(Gate.CIRCUIT_BREAKER);
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertEquals(0.09, result.findings().get(0).numbers().get("shortfall"), 1e-12);
        // production 1 is not in the history, so whether it was measured on data like this cannot be checked; its
        // own 0.9 here, Wilson [0.851, 0.934] on 200 rows, lies below 0.99 − 0.02 too
        assertTrue(result.summary().endsWith(". Production 1 has no value in the history (its versions: 40, 41), so"
                + " whether the history was measured on data like this pack's cannot be checked; production's accuracy"
                + " here is 0.900 [0.851, 0.934] (n=200), itself beyond the best − margin: the model in service would"
                + " not pass this bar, so the history may be of other data; give metric_history.csv production's"
                + " value measured on this pack's evaluation data"), result.summary());
        assertEquals(0.9, result.findings().get(0).numbers().get("production"), 1e-12);
    }

    @Test
    void circuitBreakerWithProductionInTheHistorySaysNothingOfIt() throws PackException {
        GateResult result = pack().primary(200, SAME_AS_PRODUCTION)
                .suite("metricHistory", "history.csv", "version,date,value\n1,2026-06-01,0.90\n41,2026-08-01,0.99\n")
                .review().gates().result(Gate.CIRCUIT_BREAKER);
        assertFalse(result.summary().contains("has no value in the history"), result.summary());
        assertNull(result.findings().get(0).numbers().get("production"));
    }

    @Test
    void circuitBreakerWithoutHistoryIsNotApplicableUnlessRequired() throws PackException {
        assertEquals(GateOutcome.NOT_APPLICABLE, outcome(pack(), Gate.CIRCUIT_BREAKER));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, outcome(pack().policy(
                "{\"requiredSuites\": [\"metricHistory\"]}"), Gate.CIRCUIT_BREAKER));
    }

    @Test
    void theRiskTierSetsTheApprovalAndABlockedGateBlocksIt() throws PackException {
        // the policy requires a safety suite and the bare pack has none: that gate lacks evidence
        GateEvaluation gates = pack().policy("{\"requiredSuites\": [\"safety\"]}").review().gates();
        assertFalse(gates.everyGatePasses());
        assertTrue(gates.approval().blocked());
        assertEquals(List.of("ML Lead"), gates.approval().approvers());
        assertTrue(gates.missingSuites().contains("safety"));
    }

    @Test
    void progressOnlyMovesForwardAndCancellingStopsTheReview() throws PackException {
        TestPack pack = pack().suite("latency", "latency.csv", latency(300, 100));
        ReviewPack loaded = pack.load();
        GateReview review = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
                new PolicyReader());
        List<Double> fractions = new ArrayList<>();
        review.review(loaded, null, GatePolicy.DEFAULTS, new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), fractions.toString());
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        Progress cancelled = new CancelledProgress();
        assertThrows(CancelledException.class, () -> review.review(loaded, null, GatePolicy.DEFAULTS, cancelled));
    }

    /**
     * While another comparison holds the engine (one row-level comparison at a time) the review says that it waits,
     * through the phases it reports in, so the Gates view can say so instead of "Judging the gates…".
     */
    @Test
    void aReviewWaitingForTheEngineSaysSo() throws Exception {
        ReviewPack loaded = pack().load();
        ComparisonEngine engine = new ComparisonEngine();
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> engine.compare(loaded, null, org.verdict.core.compare.ComparisonOptions.DEFAULTS,
                new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                        holding.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                }));
        other.start();
        assertTrue(holding.await(60, java.util.concurrent.TimeUnit.SECONDS), "the other comparison holds the engine");
        List<String> waited = new ArrayList<>();
        Progress judging = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void waiting(String message) {
                waited.add(message);
                release.countDown(); // its turn comes once the other comparison ends
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try {
            new GateReview(engine, new PackLoader(), new SuiteReader(), new PolicyReader())
                    .review(loaded, null, GatePolicy.DEFAULTS, judging);
        } finally {
            release.countDown();
            other.join();
        }
        assertEquals(List.of("Waiting for another comparison to finish"), waited);
    }
}
