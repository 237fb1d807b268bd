package org.verdict.core.gates.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.suites.HumanBaselineSuite;

class HumanBaselineEvidenceTest {
    @Test
    void accuracyKappaAndDisagreementsByHand() {
        // 4 examples, labels [a, a, b, a]: the human is right on 3 (wrong on e4), so is the candidate (wrong on e2).
        // Candidate vs human: [a, b, b, a] vs [a, a, b, b]: p_o = 2/4; marginals 1/2 each for a and b:
        // p_e = 0.5·0.5 + 0.5·0.5 = 0.5; κ = (0.5 − 0.5) / 0.5 = 0
        HumanBaselineSuite suite = new HumanBaselineSuite(List.of("e1", "e2", "e3", "e4"), List.of("a", "a", "b", "a"),
                List.of("a", "a", "b", "b"), Map.of("1", List.of("a", "a", "b", "b"), "2", List.of("a", "b", "b", "a")));
        HumanBaselineEvidence evidence = HumanBaselineEvidence.of(suite, "2", 0.95);
        assertEquals(0.75, evidence.humanAccuracy().rate(), 1e-12);
        assertEquals(0.75, evidence.modelAccuracy().get("2").rate(), 1e-12);
        assertEquals(0.0, evidence.kappaWithHuman().get("2").kappa(), 1e-12);
        assertEquals(1.0, evidence.kappaWithHuman().get("1").kappa(), 1e-12);
        assertEquals(List.of("e2", "e4"), evidence.disagreements().stream()
                .map(HumanBaselineEvidence.Disagreement::exampleId).toList());
        assertEquals(Map.of("1", "a", "2", "b"), evidence.disagreements().get(0).predictions());
    }

    @Test
    void pairedCellsGiveTheNumbersOfTheirExamples() {
        // the four examples above as cells (label, human, pred_1, pred_2) → n, e1 and e3 kept apart by their label;
        // plus a cell of 0 examples, which counts for nothing
        HumanBaselineSuite cells = new HumanBaselineSuite(List.of(), List.of("a", "a", "b", "a", "b"),
                List.of("a", "a", "b", "b", "a"), Map.of("1", List.of("a", "a", "b", "b", "b"),
                        "2", List.of("a", "b", "b", "a", "a")), new long[] {1, 1, 1, 1, 0});
        HumanBaselineEvidence evidence = HumanBaselineEvidence.of(cells, "2", 0.95);
        assertEquals(4, evidence.humanAccuracy().n());
        assertEquals(0.75, evidence.humanAccuracy().rate(), 1e-12);
        assertEquals(0.75, evidence.modelAccuracy().get("2").rate(), 1e-12);
        assertEquals(0.0, evidence.kappaWithHuman().get("2").kappa(), 1e-12);
        assertEquals(1.0, evidence.kappaWithHuman().get("1").kappa(), 1e-12);
        assertEquals(2, evidence.disagreeingExamples());
        assertTrue(evidence.fromCells());

        // 30 examples in three cells: human right on 20 + 6, candidate on 20 + 4; the largest disagreement first
        HumanBaselineSuite counted = new HumanBaselineSuite(List.of(), List.of("a", "b", "b"), List.of("a", "b", "a"),
                Map.of("1", List.of("a", "b", "b"), "2", List.of("a", "a", "b")), new long[] {20, 6, 4});
        HumanBaselineEvidence weighted = HumanBaselineEvidence.of(counted, "2", 0.95);
        assertEquals(26.0 / 30, weighted.humanAccuracy().rate(), 1e-12);
        assertEquals(24.0 / 30, weighted.modelAccuracy().get("2").rate(), 1e-12);
        assertEquals(List.of(6L, 4L), weighted.disagreements().stream()
                .map(HumanBaselineEvidence.Disagreement::examples).toList());
        assertEquals(null, weighted.disagreements().get(0).exampleId());
    }

    /**
     * 60 examples in cells (label, human, candidate): the human right on 55, the candidate on 50; 5 only the
     * candidate gets right, 10 only the human. The values are computed apart from the code (numpy/scipy, in
     * /tmp/suites30/check_human.py of the session that wrote this): Cohen's kappa (p_o − p_e)/(1 − p_e) with
     * p_o = 45/60 and p_e = 0.35833 is 0.61039; Fleiss, Cohen &amp; Everitt's large-sample SE (statsmodels'
     * std_kappa, written out) 0.087797, so the 95 % Fisher-z interval tanh(atanh κ ± 1.96 SE/(1 − κ²)) is
     * [0.40972, 0.75471]; Tango's score interval for (5 − 10)/60 = −0.08333, solved with scipy's brentq, is
     * [−0.21584, +0.04685].
     */
    @Test
    void kappaAndTheDifferenceFromTheHumanCarryTheirIntervalsAndN() {
        HumanBaselineSuite cells = new HumanBaselineSuite(List.of(),
                List.of("a", "a", "b", "b", "c", "c", "a", "b"), List.of("a", "a", "b", "a", "c", "c", "b", "b"),
                Map.of("2", List.of("a", "b", "b", "b", "c", "a", "a", "c")), new long[] {20, 4, 15, 3, 10, 5, 2, 1});
        HumanBaselineEvidence evidence = HumanBaselineEvidence.of(cells, "2", 0.95);

        HumanBaselineEvidence.KappaWithHuman kappa = evidence.kappaWithHuman().get("2");
        assertEquals(60, kappa.n());
        assertEquals(0.61039, kappa.kappa(), 1e-5);
        assertEquals(0.40972, kappa.ci().lower(), 1e-5);
        assertEquals(0.75471, kappa.ci().upper(), 1e-5);

        HumanBaselineEvidence.DifferenceFromHuman difference = evidence.differenceFromHuman().get("2");
        assertEquals(60, difference.n());
        assertEquals(-0.08333, difference.estimate(), 1e-5);
        assertEquals(-0.21584, difference.ci().lower(), 1e-5);
        assertEquals(0.04685, difference.ci().upper(), 1e-5);
    }
}
