package org.verdict.core.gates.evidence;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.evidence.GroupChange.Rate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each group's paired change of a rate. The expected intervals come from an independent SciPy computation (the
 * restricted maximum likelihood of the paired multinomial found numerically, Var(b − c) = N(p10 + p01 − Δ²), the
 * score equation solved by brentq, Holm's levels by hand), not from this code.
 */
class GroupChangeTest {
    /** Cells: label·4 + productionSelects·2 + candidateSelects. */
    private static final long[] A = {50, 6, 2, 10, 3, 1, 8, 40};
    private static final long[] B = {60, 1, 1, 9, 5, 0, 2, 30};
    private static final long[] C = {70, 12, 0, 8, 2, 6, 0, 20};
    /** 18 rows: under the minimum group size of 30. */
    private static final long[] SMALL = {10, 1, 0, 2, 2, 0, 0, 3};

    private static final List<GroupChange> CHANGES = GroupChange.of(List.of("a", "b", "c", "small"),
            List.of(A, B, C, SMALL), 30, 0.95, 0.05);

    private static GroupChange change(String group, Rate rate) {
        return CHANGES.stream().filter(c -> c.group().equals(group) && c.rate() == rate).findFirst().orElseThrow();
    }

    @Test
    void eachRateCountsItsOwnExamplesAndTheModelsDisagreementsAmongThem() {
        // a: 120 rows, 52 positives, 68 negatives; selected only by the candidate 1 + 6, only by production 2 + 8
        assertEquals(120, change("a", Rate.SELECTION).n());
        assertEquals((7 - 10) / 120.0, change("a", Rate.SELECTION).delta(), 1e-15);
        assertEquals(52, change("a", Rate.TPR).n());
        assertEquals((1 - 8) / 52.0, change("a", Rate.TPR).delta(), 1e-15);
        assertEquals(68, change("a", Rate.FPR).n());
        assertEquals((6 - 2) / 68.0, change("a", Rate.FPR).delta(), 1e-15);
        assertEquals(List.of("a", "a", "a", "b"), CHANGES.subList(0, 4).stream().map(GroupChange::group).toList(),
                "group by group, each group's three rates together");
    }

    @Test
    void theIntervalIsTangosAtTheHolmLevelOfTheGroupsOfOneRate() {
        // SciPy: TPR p-values a 0.0196, b 0.157, c 0.0143 → Holm levels 97.5 %, 95 %, 98.33 %
        assertInterval(change("a", Rate.TPR), 0.975, -0.281427, -0.006971);
        assertInterval(change("b", Rate.TPR), 0.95, -0.177047, 0.045088);
        assertInterval(change("c", Rate.TPR), 1 - 0.05 / 3, 0.007971, 0.438794);
        assertInterval(change("c", Rate.SELECTION), 1 - 0.05 / 3, 0.089599, 0.247673);
        assertInterval(change("b", Rate.FPR), 0.975, -0.078137, 0.078137);
        assertEquals(3, change("a", Rate.TPR).shown().familySize(), "the small group is not in the family");
    }

    @Test
    void theVerdictReadsTheIntervalWithTheRatesDirection() {
        assertEquals(Verdict.WORSE, change("a", Rate.TPR).verdict(), "fewer true positives");
        assertEquals(Verdict.BETTER, change("c", Rate.TPR).verdict(), "more true positives");
        assertEquals(Verdict.WORSE, change("c", Rate.FPR).verdict(), "more false positives");
        assertEquals(Verdict.DIFFERENT, change("c", Rate.SELECTION).verdict(), "the selection rate has no direction");
        assertEquals(Verdict.INCONCLUSIVE, change("b", Rate.FPR).verdict(), "holds 0 but reaches beyond ±0.05");
        for (GroupChange change : CHANGES) {
            if (change.isTested()) {
                boolean excludesZero = change.ci().lower() > 0 || change.ci().upper() < 0;
                boolean significant = change.verdict() == Verdict.BETTER || change.verdict() == Verdict.WORSE
                        || change.verdict() == Verdict.DIFFERENT;
                assertEquals(excludesZero, significant, change.toString());
            }
        }
    }

    @Test
    void theAdjustedPIsHolmsOverTheGroupsOfOneRate() {
        // SciPy: McNemar's p (no continuity correction) a 0.0196307, b 0.1572992, c 0.0143059; Holm by hand:
        // c 3 · 0.0143059 = 0.0429176, a max(0.0429176, 2 · 0.0196307), b max(…, 0.1572992)
        assertEquals(0.0196307, change("a", Rate.TPR).pValue(), 1e-7);
        assertEquals(0.0429176, change("c", Rate.TPR).adjustedP(), 1e-7);
        assertEquals(0.0429176, change("a", Rate.TPR).adjustedP(), 1e-7);
        assertEquals(0.1572992, change("b", Rate.TPR).adjustedP(), 1e-7);
        for (GroupChange change : CHANGES) {
            if (change.isTested()) {
                boolean significant = change.verdict() == Verdict.BETTER || change.verdict() == Verdict.WORSE
                        || change.verdict() == Verdict.DIFFERENT;
                assertEquals(significant, change.adjustedP() < 0.05, change.toString());
            }
        }
    }

    @Test
    void aSmallGroupKeepsItsEstimateButIsNotTestedAndSaysWhy() {
        for (Rate rate : Rate.values()) {
            GroupChange small = change("small", rate);
            assertEquals(Verdict.TOO_FEW_EXAMPLES, small.verdict());
            assertNull(small.ci());
            assertNull(small.shown());
            assertNull(small.adjustedP());
            assertNotNull(small.delta());
            assertEquals("not tested: 18 rows, under the minimum of 30 (fairness.minGroupSize), so no interval",
                    small.untested());
        }
        assertEquals(1 / 18.0, change("small", Rate.SELECTION).delta(), 1e-15);
        assertNull(change("a", Rate.TPR).untested());
    }

    /**
     * A group of 12 rows, as small as the review pack's smallest, tested where the policy's minimum allows it; alone
     * in its family, so at 95 %. Independent values from SciPy by two routes that agree to 1e-9 (the paired
     * multinomial's likelihood maximised numerically under p_b − p_c = Δ, and Tango's 1998 closed-form restricted
     * estimate), each end found by brentq: selection b = 3, c = 1 of 12; FPR b = 3, c = 0 of 9; TPR b = 0, c = 1 of 3.
     * The same group with the pack's counts (b = c = 2 of 12) gives the symmetric ±0.346459.
     */
    @Test
    void aTwelveRowGroupGetsTangosIntervalAsComputedIndependently() {
        List<GroupChange> twelve = GroupChange.of(List.of("twelve"), List.<long[]>of(new long[] {5, 3, 0, 1, 0, 0, 1,
                2}), 10, 0.95, 0.05);
        GroupChange selection = twelve.get(0);
        assertEquals(12, selection.n());
        assertEquals(2 / 12.0, selection.delta(), 1e-15);
        assertEquals(0.317311, selection.pValue(), 1e-6);
        assertEquals(selection.pValue(), selection.adjustedP(), 0, "a family of one");
        assertInterval(selection, 0.95, -0.188739, 0.485035);
        assertEquals(3, twelve.get(1).n());
        assertInterval(twelve.get(1), 0.95, -0.792340, 0.415329);
        assertEquals(9, twelve.get(2).n());
        assertInterval(twelve.get(2), 0.95, -0.065527, 0.645798);
        assertEquals(0.083265, twelve.get(2).pValue(), 1e-6);
        assertEquals(Verdict.INCONCLUSIVE, twelve.get(2).verdict(), "holds 0, reaches far beyond ±0.05");
        List<GroupChange> pack = GroupChange.of(List.of("pack"), List.<long[]>of(new long[] {5, 2, 2, 0, 0, 0, 0,
                3}), 10, 0.95, 0.05);
        assertEquals(0.0, pack.get(0).delta(), 0);
        assertInterval(pack.get(0), 0.95, -0.346459, 0.346459);
    }

    @Test
    void theBandOfNoSignificantDifferenceIsTheOneGiven() {
        // b's FPR interval at 97.5 % is [−0.078137, +0.078137]: within ±0.08, not within ±0.05
        List<GroupChange> wider = GroupChange.of(List.of("a", "b", "c", "small"), List.of(A, B, C, SMALL), 30, 0.95,
                0.08);
        GroupChange bFpr = wider.stream().filter(c -> c.group().equals("b") && c.rate() == Rate.FPR).findFirst()
                .orElseThrow();
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, bFpr.verdict());
        assertEquals(Verdict.INCONCLUSIVE, change("b", Rate.FPR).verdict());
    }

    @Test
    void aRateWithNoExampleToCountIsUnavailableAndAnAgreeingGroupIsNoSignificantDifference() {
        // 400 rows, no positive, the models agree on every one: ±z²/(N + z²) = ±0.0095 lies within ±0.05
        List<GroupChange> changes = GroupChange.of(List.of("none"), List.<long[]>of(new long[] {380, 0, 0, 20, 0, 0,
                0, 0}), 30, 0.95, 0.05);
        assertEquals(Verdict.UNAVAILABLE, changes.get(1).verdict());
        assertNull(changes.get(1).delta());
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, changes.get(0).verdict());
        double z2 = 1.959963984540054 * 1.959963984540054;
        assertEquals(z2 / (400 + z2), changes.get(0).ci().upper(), 1e-9);
        assertFalse(changes.get(0).ci().lower() > 0);
    }

    private static void assertInterval(GroupChange change, double level, double lower, double upper) {
        assertTrue(change.isTested(), change.toString());
        assertEquals(level, change.shown().level(), 1e-12, change.toString());
        assertEquals(lower, change.ci().lower(), 2e-6, change.toString());
        assertEquals(upper, change.ci().upper(), 2e-6, change.toString());
    }
}
