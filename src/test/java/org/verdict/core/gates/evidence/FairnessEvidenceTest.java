package org.verdict.core.gates.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.Interval;

/**
 * Two groups of 10, binary, positive class "yes" (code 1). By hand:
 * g1: 5 positives (rows 0-4); both models select rows 0-3 and 5: selection 0.5, TPR 4/5 = 0.8, FPR 1/5 = 0.2.
 * g2: 4 positives (rows 10-13); production selects 10, 11, 14: selection 0.3, TPR 0.5, FPR 1/6;
 *     the candidate selects only 10: selection 0.1, TPR 0.25, FPR 0.
 */
class FairnessEvidenceTest {
    private static EvaluationTable table() {
        int[] labels = new int[20];
        int[] production = new int[20];
        int[] candidate = new int[20];
        int[] groups = new int[20];
        for (int row = 0; row < 20; row++) {
            groups[row] = row < 10 ? 0 : 1;
            labels[row] = row < 5 || (row >= 10 && row < 14) ? 1 : 0;
        }
        for (int row : new int[] {0, 1, 2, 3, 5}) {
            production[row] = 1;
            candidate[row] = 1;
        }
        for (int row : new int[] {10, 11, 14}) {
            production[row] = 1;
        }
        candidate[10] = 1;
        String[] ids = new String[20];
        for (int row = 0; row < 20; row++) {
            ids[row] = "r" + row;
        }
        return new EvaluationTable("primary.csv", Task.BINARY, 20, ExampleIds.of(ids), List.of("no", "yes"), labels, null,
                Map.of("group", new CategoricalColumn("group", List.of("g1", "g2"), groups)), List.of("group"),
                Map.of("1", new ModelPredictions("1", production, null, null),
                        "2", new ModelPredictions("2", candidate, null, null)));
    }

    private static FairnessEvidence evidence() {
        return FairnessEvidence.of(table(), "1", "2", 1, "the manifest's positive label", 1, 0.95, 0.05, 1000, 7L);
    }

    @Test
    void ratesPerGroupAndModel() {
        FairnessEvidence.Attribute group = evidence().attributes().get(0);
        FairnessEvidence.Group g2 = group.groups().get(1);
        assertEquals(10, g2.n());
        assertEquals(4, g2.positives());
        assertEquals(0.3, g2.production().selectionRate(), 1e-12);
        assertEquals(0.5, g2.production().tpr(), 1e-12);
        assertEquals(1.0 / 6, g2.production().fpr(), 1e-12);
        assertEquals(0.1, g2.candidate().selectionRate(), 1e-12);
        assertEquals(0.25, g2.candidate().tpr(), 1e-12);
        assertEquals(0.0, g2.candidate().fpr(), 1e-12);
        assertEquals(0.5, group.groups().get(0).candidate().selectionRate(), 1e-12);
        assertEquals(0.8, group.groups().get(0).candidate().tpr(), 1e-12);
        assertEquals(0.2, group.groups().get(0).candidate().fpr(), 1e-12);
    }

    /**
     * Each rate carries the modified Wilson interval (Brown, Cai &amp; DasGupta 2001, §4.1.1), the one the comparison
     * gives the same rate of the slice group=g2: Wilson's, but within 2 successes (n ≤ 50) of 0 the lower end is the
     * Poisson one, ½·χ²(2x) at 0.05 over n, and likewise within 2 failures of n the upper end.
     */
    @Test
    void groupRatesCarryTheModifiedWilsonInterval() {
        FairnessEvidence.Group g2 = evidence().attributes().get(0).groups().get(1);
        // production selects 3 of 10, beyond the 2 near 0 the modification touches: Wilson's. By hand, z = 1.959964,
        // z²/n = 0.3841459: centre = (0.3 + 0.1920729) / 1.3841459 = 0.355503,
        // half = 1.959964 / 1.3841459 · sqrt(0.3·0.7/10 + 0.3841459/40) = 1.416009 · 0.174939 = 0.247715,
        // so [0.1078, 0.6032] (the published Wilson interval for 3/10).
        assertEquals(0.1078, g2.production().selectionCi().lower(), 1e-4);
        assertEquals(0.6032, g2.production().selectionCi().upper(), 1e-4);
        // the candidate selects 1 of 10: Wilson's lower end, 0.0179, sits too close to 0.1; the Poisson one is
        // χ²(2) at 0.05 / 2 / 10 = −ln(0.95) / 10 = 0.0051293; the upper end stays Wilson's, 0.4042
        assertEquals(-Math.log(0.95) / 10, g2.candidate().selectionCi().lower(), 1e-9);
        assertEquals(0.4042, g2.candidate().selectionCi().upper(), 1e-4);
        // its TPR, 1 of 4 positives: lower −ln(0.95) / 4 = 0.0128233; upper Wilson's, centre (1 + 1.920730) / 7.841459
        // = 0.372473 plus 1.959964·2 / 7.841459 · sqrt(0.1875 + 0.240091) = 0.326885, so 0.6994
        assertEquals(-Math.log(0.95) / 4, g2.candidate().tprCi().lower(), 1e-9);
        assertEquals(0.6994, g2.candidate().tprCi().upper(), 1e-4);
        // its FPR, 0 of 6 negatives: [0, z² / (6 + z²)] = [0, 3.841459 / 9.841459] = [0, 0.3903], as Wilson's
        assertEquals(0.0, g2.candidate().fprCi().lower(), 0.0);
        assertEquals(3.841459 / 9.841459, g2.candidate().fprCi().upper(), 1e-6);
    }

    @Test
    void disparitiesAndHowMuchWorseTheCandidateIs() {
        Map<Disparity, FairnessEvidence.DisparityEstimate> d = evidence().attributes().get(0).disparities();
        // demographic parity difference: production 0.5 − 0.3 = 0.2, candidate 0.5 − 0.1 = 0.4
        assertEquals(0.2, d.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).production(), 1e-12);
        assertEquals(0.4, d.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).candidate(), 1e-12);
        assertEquals(0.2, d.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).worsening(), 1e-12);
        // ratio: production 0.3 / 0.5 = 0.6, candidate 0.1 / 0.5 = 0.2; lower is less fair: worse by 0.4
        assertEquals(0.6, d.get(Disparity.DEMOGRAPHIC_PARITY_RATIO).production(), 1e-12);
        assertEquals(0.4, d.get(Disparity.DEMOGRAPHIC_PARITY_RATIO).worsening(), 1e-12);
        // TPR gap: 0.8 − 0.5 = 0.3 vs 0.8 − 0.25 = 0.55; FPR gap: 0.2 − 1/6 vs 0.2 − 0 = 0.2; EO = max
        assertEquals(0.3, d.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE).production(), 1e-12);
        assertEquals(0.55, d.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE).candidate(), 1e-12);
        assertEquals(0.3, d.get(Disparity.EQUALIZED_ODDS_DIFFERENCE).production(), 1e-12);
        assertEquals(0.55, d.get(Disparity.EQUALIZED_ODDS_DIFFERENCE).candidate(), 1e-12);
    }

    @Test
    void bootstrapIntervalsAreSeededAndCoverTheEstimate() {
        FairnessEvidence.DisparityEstimate first = evidence().attributes().get(0).disparities()
                .get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE);
        FairnessEvidence.DisparityEstimate again = evidence().attributes().get(0).disparities()
                .get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE);
        assertEquals(first, again);
        assertTrue(first.worseningCi().lower() <= 0.2 && 0.2 <= first.worseningCi().upper(), first.toString());
    }

    /**
     * Three groups of 300 with the same selection rate under both models (parity): a max − min over groups is biased
     * upward and its percentile interval used to exclude its own estimate (0.0055 [0.0056, 0.0898]). Every interval
     * must hold its estimate, and here also the true value 0 (production) — the draws below are exact parity.
     */
    @Test
    void intervalsHoldTheirEstimateAtParity() {
        int perGroup = 300;
        int rows = 3 * perGroup;
        int[] labels = new int[rows];
        int[] production = new int[rows];
        int[] candidate = new int[rows];
        int[] groups = new int[rows];
        String[] ids = new String[rows];
        for (int row = 0; row < rows; row++) {
            ids[row] = "r" + row;
            groups[row] = row / perGroup;
            int i = row % perGroup;
            // per group: 90 positives, of which the first 63 are selected (TPR 0.7); 21 of 210 negatives (FPR 0.1);
            // the candidate also selects 3 more positives and 3 more negatives in each group
            labels[row] = i < 90 ? 1 : 0;
            production[row] = i < 63 || (i >= 90 && i < 111) ? 1 : 0;
            candidate[row] = i < 66 || (i >= 90 && i < 114) ? 1 : 0;
        }
        EvaluationTable table = new EvaluationTable("primary.csv", Task.BINARY, rows, ExampleIds.of(ids),
                List.of("no", "yes"), labels, null,
                Map.of("group", new CategoricalColumn("group", List.of("g1", "g2", "g3"), groups)), List.of("group"),
                Map.of("1", new ModelPredictions("1", production, null, null),
                        "2", new ModelPredictions("2", candidate, null, null)));
        FairnessEvidence.Attribute attribute = FairnessEvidence.of(table, "1", "2", 1, "positive label", 1, 0.95, 0.05,
                1000, 11L).attributes().get(0);
        for (Disparity d : Disparity.values()) {
            FairnessEvidence.DisparityEstimate e = attribute.disparities().get(d);
            assertTrue(e.productionCi().contains(e.production()), d + " " + e);
            assertTrue(e.candidateCi().contains(e.candidate()), d + " " + e);
            assertTrue(e.worseningCi().contains(e.worsening()), d + " " + e);
            assertTrue(e.worseningCi().contains(0), d + " " + e);
            assertTrue(e.worseningCi().upper() > 0, "a worsening cannot be ruled out from 300 per group: " + e);
        }
    }

    /**
     * Two groups of 50 with 20 positives each; the candidate selects exactly the positives (TPR 1 and FPR 0 in both
     * groups), so its gaps are 0 and no bootstrap replicate can move them. A gap estimated from 50 rows per group is
     * still uncertain: its interval must have positive width (Agresti–Coull floors under the rates' standard errors).
     */
    @Test
    void aGapBetweenRatesAtOneStillHasAnIntervalOfPositiveWidth() {
        int rows = 100;
        int[] labels = new int[rows];
        int[] production = new int[rows];
        int[] groups = new int[rows];
        String[] ids = new String[rows];
        for (int row = 0; row < rows; row++) {
            ids[row] = "r" + row;
            groups[row] = row / 50;
            labels[row] = row % 50 < 20 ? 1 : 0;
            production[row] = row % 50 < 17 || row % 50 == 30 ? 1 : 0;
        }
        EvaluationTable table = new EvaluationTable("primary.csv", Task.BINARY, rows, ExampleIds.of(ids),
                List.of("no", "yes"), labels, null,
                Map.of("group", new CategoricalColumn("group", List.of("g1", "g2"), groups)), List.of("group"),
                Map.of("1", new ModelPredictions("1", production, null, null),
                        "2", new ModelPredictions("2", labels.clone(), null, null)));
        FairnessEvidence.DisparityEstimate opportunity = FairnessEvidence.of(table, "1", "2", 1, "positive label", 1,
                0.95, 0.05, 1000, 5L).attributes().get(0).disparities().get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE);
        assertEquals(0.0, opportunity.candidate(), 0);
        assertEquals(0.0, opportunity.candidateCi().lower(), 0);
        // floors √(22/24 · 2/24 / 24) = 0.0564 per group, so the gap's is 0.0798 and the bound 1.96 · 0.0798 = 0.156
        assertEquals(0.156, opportunity.candidateCi().upper(), 0.002);
    }

    /**
     * Three groups of 50 rows with 15 positives each and 5 of 35 negatives selected by both models. Production selects
     * 5, 8 and 12 of the positives (TPR 1/3, 8/15, 4/5: a gap of 0.467); the candidate 2, 8 and 15.
     */
    private static FairnessEvidence.Attribute fewPositives(double confidenceLevel) {
        int perGroup = 50;
        int[][] truePositives = {{5, 8, 12}, {2, 8, 15}};
        int rows = 3 * perGroup;
        int[] labels = new int[rows];
        int[][] selects = new int[2][rows];
        int[] groups = new int[rows];
        String[] ids = new String[rows];
        for (int row = 0; row < rows; row++) {
            ids[row] = "r" + row;
            int g = row / perGroup;
            int i = row % perGroup;
            groups[row] = g;
            labels[row] = i < 15 ? 1 : 0;
            for (int model = 0; model < 2; model++) {
                selects[model][row] = i < truePositives[model][g] || (i >= 15 && i < 20) ? 1 : 0;
            }
        }
        EvaluationTable table = new EvaluationTable("primary.csv", Task.BINARY, rows, ExampleIds.of(ids),
                List.of("no", "yes"), labels, null,
                Map.of("group", new CategoricalColumn("group", List.of("g1", "g2", "g3"), groups)), List.of("group"),
                Map.of("1", new ModelPredictions("1", selects[0], null, null),
                        "2", new ModelPredictions("2", selects[1], null, null)));
        return FairnessEvidence.of(table, "1", "2", 1, "positive label", 1, confidenceLevel, 0.05, 2000, 3L)
                .attributes().get(0);
    }

    /**
     * Parity (equal rates in every group) stays inside a disparity's interval unless Pearson's test of equal rates
     * rejects it: at α = 1 − level for demographic parity; for equal opportunity and equalized odds each stratum (the
     * positives' TPRs, the negatives' FPRs) at the Šidák level 1 − √(1 − α): 0.0253 at 95 %, 0.0513 at 90 %.
     * Production's TPRs 5, 8, 12 of 15: X² = 6.66 on 2 degrees of freedom, p = e^(−3.33) = 0.0358 (by hand in
     * {@code PearsonChiSquareTest}): above 0.0253, so at 95 % its equal-opportunity interval starts at 0 although the
     * gap is 0.467 (the gap terms' bootstrap bound alone is above 0 there: at 15 positives a Wald-type standard error
     * is too small); below 0.0513, so at 90 % the bound excludes 0, and equalized odds' with it. Selection 10, 13, 17
     * of 50: X² = 2.52, p = 0.283, so at 90 % demographic parity's difference starts at 0 and its ratio reaches 1. The
     * candidate's TPRs 2, 8, 15 of 15 (X² = 22.9, p ≈ 1e-5) are clearly unequal.
     */
    @Test
    void parityStaysInsideUnlessPearsonsTestRejectsEqualRates() {
        Map<Disparity, FairnessEvidence.DisparityEstimate> at95 = fewPositives(0.95).disparities();
        Map<Disparity, FairnessEvidence.DisparityEstimate> at90 = fewPositives(0.90).disparities();
        FairnessEvidence.DisparityEstimate opportunity95 = at95.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE);
        FairnessEvidence.DisparityEstimate opportunity90 = at90.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE);
        assertEquals(12.0 / 15 - 5.0 / 15, opportunity95.production(), 1e-12);
        assertEquals(0.0, opportunity95.productionCi().lower(), 0);
        assertEquals(0.0, at95.get(Disparity.EQUALIZED_ODDS_DIFFERENCE).productionCi().lower(), 0);
        assertTrue(opportunity90.productionCi().lower() > 0.03, opportunity90.toString());
        assertEquals(0.0, at90.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).productionCi().lower(), 0);
        assertEquals(1.0, at90.get(Disparity.DEMOGRAPHIC_PARITY_RATIO).productionCi().upper(), 0);
        assertEquals(13.0 / 15, opportunity95.candidate(), 1e-12);
        assertTrue(opportunity95.candidateCi().lower() > 0.3, opportunity95.toString());
        for (Map<Disparity, FairnessEvidence.DisparityEstimate> level : List.of(at95, at90)) {
            for (FairnessEvidence.DisparityEstimate e : level.values()) {
                assertTrue(e.productionCi().contains(e.production()), e.toString());
                assertTrue(e.candidateCi().contains(e.candidate()), e.toString());
            }
        }
    }

    /**
     * Equalized odds is the larger of the TPR gap and the FPR gap, so it is at least equal opportunity, the TPR gap:
     * an interval of equalized odds reaching below equal opportunity's lower end, or ending below its upper end,
     * contradicts it. Production's TPR gap at 90 % (above: its test rejects equal TPRs, p = 0.0358) was [>0, …] while
     * its equalized odds, tested on both strata's statistics added (p = 0.155 on 4 degrees of freedom), reached 0.
     * Likewise min / max ≤ 1 − (max − min) for selection rates at most 1: demographic parity's ratio and difference.
     */
    @Test
    void intervalsOfDisparitiesThatBoundEachOtherAgree() {
        for (double level : new double[] {0.90, 0.95, 0.97}) {
            Map<Disparity, FairnessEvidence.DisparityEstimate> all = fewPositives(level).disparities();
            FairnessEvidence.DisparityEstimate odds = all.get(Disparity.EQUALIZED_ODDS_DIFFERENCE);
            FairnessEvidence.DisparityEstimate opportunity = all.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE);
            FairnessEvidence.DisparityEstimate difference = all.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE);
            FairnessEvidence.DisparityEstimate ratio = all.get(Disparity.DEMOGRAPHIC_PARITY_RATIO);
            for (int model = 0; model < 2; model++) {
                Interval o = model == 0 ? odds.productionCi() : odds.candidateCi();
                Interval q = model == 0 ? opportunity.productionCi() : opportunity.candidateCi();
                Interval d = model == 0 ? difference.productionCi() : difference.candidateCi();
                Interval r = model == 0 ? ratio.productionCi() : ratio.candidateCi();
                String what = level + " model " + model + ": " + o + " vs " + q;
                assertTrue(o.lower() >= q.lower() && o.upper() >= q.upper(), what);
                assertTrue(r.upper() <= 1 - d.lower() + 1e-12 && d.upper() <= 1 - r.lower() + 1e-12, d + " " + r);
            }
        }
        assertTrue(fewPositives(0.90).disparities().get(Disparity.EQUALIZED_ODDS_DIFFERENCE).productionCi().lower()
                > 0.03);
    }

    /**
     * Two groups of 100 with 30 positives each, both models selecting the same rows: the bootstrap's worsening is 0 on
     * every replicate, which would read [0, 0], a certainty the data cannot give. The interval is the agreement bound:
     * with no disagreement among n counted examples a group's disagreement share is below 1 − a^(1/n) (exact, one
     * sided), each of the G limits at a = α/G, and a gap moves by at most the two largest. Equal opportunity counts
     * the 30 positives: b = 2(1 − 0.025^(1/30)); demographic parity the 100 examples: 2(1 − 0.025^(1/100));
     * equalized odds both strata, four limits at 0.0125: the positives' pair is the larger.
     */
    @Test
    void modelsThatSelectAlikeGetTheAgreementBoundNotZero() {
        FairnessEvidence.Attribute same = alike(false);
        assertAgreementBound(same, Disparity.EQUAL_OPPORTUNITY_DIFFERENCE, 2 * (1 - Math.pow(0.025, 1.0 / 30)));
        assertAgreementBound(same, Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE, 2 * (1 - Math.pow(0.025, 1.0 / 100)));
        assertAgreementBound(same, Disparity.EQUALIZED_ODDS_DIFFERENCE, 2 * (1 - Math.pow(0.0125, 1.0 / 30)));
        FairnessEvidence.DisparityEstimate ratio = same.disparities().get(Disparity.DEMOGRAPHIC_PARITY_RATIO);
        assertTrue(ratio.fromAgreement() && ratio.worseningCi().upper() > 0, ratio.toString());
        // the candidate selecting one more negative of g1: the TPRs still agree on every positive, so equal
        // opportunity keeps the bound for none; the selection rates and FPRs differ on that one example, too few for
        // the bootstrap, so their bound counts it. scipy: demographic parity beta.ppf(0.975, 2, 99) + (1 −
        // 0.025^(1/100)); equalized odds, four limits at 0.0125, the positives' pair 2(1 − 0.0125^(1/30)) beats the
        // negatives' beta.ppf(0.9875, 2, 69) + (1 − 0.0125^(1/70)) = 0.14841125891837686
        FairnessEvidence.Attribute oneMore = alike(true);
        assertAgreementBound(oneMore, Disparity.EQUAL_OPPORTUNITY_DIFFERENCE, 2 * (1 - Math.pow(0.025, 1.0 / 30)));
        assertEquals(0, oneMore.disparities().get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE).disagreements());
        assertAgreementBound(oneMore, Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE, 0.09067607803725705, 0.01);
        assertAgreementBound(oneMore, Disparity.EQUALIZED_ODDS_DIFFERENCE, 0.2718013451514574, 0.01 / 0.7);
        assertEquals(1, oneMore.disparities().get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).disagreements());
    }

    /**
     * Below 25 counted disagreements the worsening's interval holds the agreement bound of those seen; from 25 on it
     * is the paired bootstrap's alone. Two groups of 1,000 with 300 positives; production's TPR is 0.8 in g1 and 0.5
     * in g2, and the candidate drops k of g1's true positives, each lowering the TPR gap, so no bootstrap replicate
     * raises it. At k = 24 the interval is the bound, beta.ppf(0.975, 25, 276) + (1 − 0.025^(1/300)) =
     * 0.1289168911792059 (scipy) each way: the bootstrap's lies within it (its lower end near −(24 + 1.96·4.7)/300).
     */
    @Test
    void fromTwentyFiveDisagreementsTheBootstrapAloneGivesTheInterval() {
        FairnessEvidence.DisparityEstimate few = droppedPositives(24);
        assertTrue(few.fromAgreement(), few.toString());
        assertEquals(24, few.disagreements());
        assertEquals(-0.08, few.worsening(), 1e-12);
        assertEquals(0.1289168911792059, few.worseningCi().upper(), 1e-9);
        assertEquals(-0.1289168911792059, few.worseningCi().lower(), 1e-9);
        FairnessEvidence.DisparityEstimate enough = droppedPositives(25);
        assertTrue(!enough.fromAgreement(), enough.toString());
        assertTrue(enough.worseningCi().upper() < 0, enough.toString());
    }

    private static FairnessEvidence.DisparityEstimate droppedPositives(int dropped) {
        // index label·4 + production·2 + candidate: 0 neither selects a negative, 3 both select it, 4 neither selects a
        // positive, 6 production alone selects it, 7 both
        long[] changed = {600, 0, 0, 100, 60, 0, dropped, 240 - dropped};
        long[] same = {600, 0, 0, 100, 150, 0, 0, 150};
        return FairnessEvidence.of(List.of(new FairnessEvidence.AttributeCells("group", List.of("g1", "g2"),
                new long[][] {changed, same})), "yes", "positive label", 30, 0.95, 0.05, 1000, 3L).attributes().get(0)
                .disparities().get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE);
    }

    /**
     * A policy's minGroupSize of 1 admits a group of one example beside two of about 2,450: resampled, its rates would be
     * the same in every replicate and the worsening's interval only the large groups' noise, about 0.03 wide, as if its
     * rates were known. Its one unselected negative leaves its selection rates open: the interval must be wide.
     */
    @Test
    void aGroupOfOneExampleLeavesTheWorseningOpen() {
        long[] f = {1800, 60, 40, 400, 40, 10, 12, 90};
        long[] m = {1700, 120, 30, 430, 50, 20, 10, 100};
        long[] solo = {1, 0, 0, 0, 0, 0, 0, 0};
        FairnessEvidence.Attribute attribute = FairnessEvidence.of(List.of(new FairnessEvidence.AttributeCells(
                "gender", List.of("f", "m", "solo"), new long[][] {f, m, solo})), "yes", "positive label", 1, 0.95,
                0.05, 2000, 5L).attributes().get(0);
        FairnessEvidence.DisparityEstimate parity = attribute.disparities().get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE);
        Interval ci = parity.worseningCi();
        assertTrue(ci.upper() - ci.lower() > 0.3, "worsening " + parity.worsening() + " in " + ci);
        assertTrue(ci.lower() <= parity.worsening() && parity.worsening() <= ci.upper());
        FairnessEvidence.Attribute withoutSolo = FairnessEvidence.of(List.of(new FairnessEvidence.AttributeCells(
                "gender", List.of("f", "m", "solo"), new long[][] {f, m, solo})), "yes", "positive label", 30, 0.95,
                0.05, 2000, 5L).attributes().get(0);
        Interval large = withoutSolo.disparities().get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).worseningCi();
        assertTrue(large.upper() - large.lower() < 0.1, "two large groups alone: " + large);
    }

    private static void assertAgreementBound(FairnessEvidence.Attribute attribute, Disparity d, double bound) {
        assertAgreementBound(attribute, d, bound, 0);
    }

    private static void assertAgreementBound(FairnessEvidence.Attribute attribute, Disparity d, double bound,
                                             double worsening) {
        FairnessEvidence.DisparityEstimate e = attribute.disparities().get(d);
        assertTrue(e.fromAgreement(), d + " " + e);
        assertEquals(worsening, e.worsening(), 1e-12);
        assertEquals(-bound, e.worseningCi().lower(), 1e-9, d.toString());
        assertEquals(bound, e.worseningCi().upper(), 1e-9, d.toString());
    }

    /** Two groups of 100, 30 positives each; both models select 20 positives and 10 negatives per group. */
    private static FairnessEvidence.Attribute alike(boolean candidateSelectsOneMoreNegative) {
        int rows = 200;
        int[] labels = new int[rows];
        int[] production = new int[rows];
        int[] groups = new int[rows];
        String[] ids = new String[rows];
        for (int row = 0; row < rows; row++) {
            ids[row] = "r" + row;
            groups[row] = row / 100;
            int i = row % 100;
            labels[row] = i < 30 ? 1 : 0;
            production[row] = i < 20 || (i >= 30 && i < 40) ? 1 : 0;
        }
        int[] candidate = production.clone();
        if (candidateSelectsOneMoreNegative) {
            candidate[99] = 1;
        }
        EvaluationTable table = new EvaluationTable("primary.csv", Task.BINARY, rows, ExampleIds.of(ids),
                List.of("no", "yes"), labels, null,
                Map.of("group", new CategoricalColumn("group", List.of("g1", "g2"), groups)), List.of("group"),
                Map.of("1", new ModelPredictions("1", production, null, null),
                        "2", new ModelPredictions("2", candidate, null, null)));
        return FairnessEvidence.of(table, "1", "2", 1, "positive label", 1, 0.95, 0.05, 500, 9L).attributes().get(0);
    }

    @Test
    void groupsBelowTheMinimumAreLeftOutAndNamed() {
        FairnessEvidence evidence = FairnessEvidence.of(table(), "1", "2", 1, "positive label", 11, 0.95, 0.05, 1000,
                7L);
        FairnessEvidence.Attribute group = evidence.attributes().get(0);
        assertEquals(List.of("g1", "g2"), group.excludedGroups());
        assertTrue(!group.disparities().get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).isDefined());
    }

    /**
     * 801 hand-made paired replicates of the worsening, left-skewed as near a production tie (sorted: x_i = −0.50 +
     * 0.015·i up to i = 20, then −0.20 + 0.0005·(i − 20)), shuffled. Type-7 quantiles at 801 values sit on order
     * statistics: q(0.00625) = x_5 = −0.425, q(0.025) = x_20 = −0.20, q(0.975) = x_780 = 0.18. With the estimate 0.10
     * the percentile interval is [−0.20, 0.18]; the basic bootstrap's upper end at a quarter of the 2.5 % tail is
     * 2·0.10 − (−0.425) = 0.625 (at half the tail it would be 0.55, at the full tail 0.40), so the interval is
     * [−0.20, 0.625]. Mirrored (replicates and estimate negated) the percentile end is the higher: q(0.975) = 0.20
     * against the basic end 2·(−0.10) − (−0.1875) = −0.0125, so [−0.18, 0.20]; and an estimate below the replicates
     * widens the lower end.
     */
    @Test
    void worseningUpperEndIsTheLargerOfThePercentileAndBasicEnds() {
        double[] leftSkewed = new double[801];
        for (int i = 0; i <= 800; i++) {
            leftSkewed[i] = i <= 20 ? -0.50 + 0.015 * i : -0.20 + 0.0005 * (i - 20);
        }
        double[] rightSkewed = new double[801];
        for (int i = 0; i <= 800; i++) {
            rightSkewed[i] = -leftSkewed[800 - i];
        }
        shuffle(leftSkewed, 3);
        shuffle(rightSkewed, 5);

        Interval raised = FairnessEvidence.worseningInterval(leftSkewed.clone(), 0.10, 0.95);
        assertEquals(-0.20, raised.lower(), 1e-9);
        assertEquals(0.625, raised.upper(), 1e-9);

        Interval kept = FairnessEvidence.worseningInterval(rightSkewed.clone(), -0.10, 0.95);
        assertEquals(-0.18, kept.lower(), 1e-9);
        assertEquals(0.20, kept.upper(), 1e-9);

        Interval widened = FairnessEvidence.worseningInterval(leftSkewed.clone(), -0.60, 0.95);
        assertEquals(-0.60, widened.lower(), 1e-9);
        assertEquals(0.18, widened.upper(), 1e-9, "the basic end 2·(−0.60) + 0.425 = −0.775 is lower");

        // the basic end 2·0.90 + 0.425 = 2.225 lies beyond the largest worsening there is, 1
        assertEquals(1.0, FairnessEvidence.worseningInterval(leftSkewed.clone(), 0.90, 0.95).upper(), 0);
    }

    private static void shuffle(double[] values, long seed) {
        Random random = new Random(seed);
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
