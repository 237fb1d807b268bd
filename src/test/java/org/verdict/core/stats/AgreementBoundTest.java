package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AgreementBoundTest {

    /** The interval holds 0 at every level, so the p-value that inverts it is 1; a Holm step's level widens it. */
    @Test
    void theDataGiveNoEvidenceOfADifferenceAndAStricterLevelWidensTheBound() {
        AgreementBound bound = AgreementBound.rocAucSameRanking(500, 1_500);
        assertEquals(0, bound.estimate(), 0);
        assertEquals(1, bound.pValue(), 0);
        assertEquals(true, bound.interval(1 - 0.05 / 7).upper() > bound.interval(0.95).upper());
    }

    /**
     * The other metrics' bounds at 95 % (α = 0.05), each computed with scipy.stats.beta: u(n, a) = beta.ppf(1 − a, 1, n),
     * the exact lower limit L(k, n, a) = beta.ppf(a, k, n − k + 1).
     */
    @Test
    void eachMetricsHalfWidthFollowsItsDerivation() {
        // brier, 2,000 examples: u(2000, 0.05)
        assertEquals(0.0014967448951882837, AgreementBound.meanLoss(2_000, 1).interval(0.95).upper(), 1e-12);
        // balanced_accuracy over classes of 10, 100 and 1,000: mean of u(n_k, 0.05/3)
        assertEquals(0.12672562686079789,
                AgreementBound.recallMean(new long[] {10, 100, 1_000}).interval(0.95).upper(), 1e-12);
        // precision, 300 of 1,000 predicted positive: u(1000, 0.025) / L(300, 1000, 0.025)
        assertEquals(0.013550967269395095, AgreementBound.precision(1_000, 300).interval(0.95).upper(), 1e-10);
        // macro F1 over classes labelled or predicted on 400, 250 and 20 of 1,000: mean of min(1, 2·u(1000, 0.025) /
        // L(k, 1000, 0.05/6))
        assertEquals(0.24270929401558514,
                AgreementBound.f1Mean(1_000, new long[] {400, 250, 20}).interval(0.95).upper(), 1e-10);
        // weighted F1: 4·u(1000, 0.05)
        assertEquals(0.011964998180381181, AgreementBound.weightedF1(1_000).interval(0.95).upper(), 1e-12);
        // Cohen's kappa, classes labelled 500, 300, 200 and predicted 450, 350, 200 of 1,000: 3·u(1000, 0.025) /
        // (1 − Σ U(labelled)·U(predicted)), U(k) = beta.ppf(1 − 0.05/12, k + 1, 1000 − k)
        assertEquals(0.020268671708856493, AgreementBound.cohenKappa(1_000, new long[] {500, 300, 200},
                new long[] {450, 350, 200}).interval(0.95).upper(), 1e-10);
    }

    /** With no predicted positive the denominator has no lower bound above 0: precision's whole range. */
    @Test
    void aDenominatorNotBoundedAwayFromZeroGivesTheWholeRange() {
        assertEquals(1, AgreementBound.precision(1_000, 0).interval(0.95).upper(), 0);
        assertEquals(1, AgreementBound.f1Mean(1_000, new long[] {1}).interval(0.95).upper(), 0);
        assertEquals(-1, AgreementBound.f1Mean(1_000, new long[] {1}).interval(0.95).lower(), 0);
        // every example labelled and predicted as one class: chance agreement may be 1, kappa's whole range
        assertEquals(2, AgreementBound.cohenKappa(1_000, new long[] {1_000, 0}, new long[] {1_000, 0})
                .interval(0.95).upper(), 0);
    }

    /** scipy: 1 − 0.05 ** (1 / 40) = 0.0721575245055146, 1 − 0.01 ** (1 / 40) = 0.10874906186625444. */
    @Test
    void theSameRankingBoundCountsTheMatchedPairsOfTheFewerClass() {
        assertEquals(0.0721575245055146, AgreementBound.rocAucSameRanking(40, 60).interval(0.95).upper(), 1e-12);
        assertEquals(0.0721575245055146, AgreementBound.rocAucSameRanking(60, 40).interval(0.95).upper(), 1e-12);
        assertEquals(-0.10874906186625444, AgreementBound.rocAucSameRanking(40, 60).interval(0.99).lower(), 1e-12);
        assertEquals(1.0, AgreementBound.rocAucSameRanking(40, 60).pValue());
        assertThrows(IllegalArgumentException.class, () -> AgreementBound.rocAucSameRanking(0, 60));
    }

    /**
     * A brier bound of u(2000, 0.05) = 0.0014967 beside production's 0.0008 reaches a candidate brier below 0: kept
     * within [−0.0008, 1 − 0.0008], only that end moves; 0 stays inside at every level, so p stays 1. Two examples at
     * 99.9 % give u(2, 0.001) = 1 − 0.001^½ = 0.968, past both ends beside production's 0.9: [−0.9, 0.1]. A range
     * without 0 (Δ = 0 impossible) is a mistake of the caller.
     */
    @Test
    void withinTheCandidatesRangeOnlyTheEndPastItMoves() {
        AgreementBound bound = AgreementBound.meanLoss(2_000, 1).within(-0.0008, 0.9992);
        assertEquals(-0.0008, bound.interval(0.95).lower(), 0);
        assertEquals(0.0014967448951882837, bound.interval(0.95).upper(), 1e-12);
        Interval both = AgreementBound.meanLoss(2, 1).within(-0.9, 0.1).interval(0.999);
        assertEquals(-0.9, both.lower(), 0);
        assertEquals(0.1, both.upper(), 0);
        assertEquals(1.0, bound.pValue());
        assertThrows(IllegalArgumentException.class, () -> AgreementBound.meanLoss(2_000, 1).within(0.1, 1));
    }
}
