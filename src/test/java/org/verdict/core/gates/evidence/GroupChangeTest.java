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
    void aSmallGroupKeepsItsEstimateButIsNotTested() {
        for (Rate rate : Rate.values()) {
            GroupChange small = change("small", rate);
            assertEquals(Verdict.TOO_FEW_EXAMPLES, small.verdict());
            assertNull(small.ci());
            assertNull(small.shown());
            assertNotNull(small.delta());
        }
        assertEquals(1 / 18.0, change("small", Rate.SELECTION).delta(), 1e-15);
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
