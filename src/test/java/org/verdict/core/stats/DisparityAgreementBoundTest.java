package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The disparity bounds at 95 % (α = 0.05) with disagreements seen, each computed with scipy.stats.beta: the exact
 * one-sided upper limit of k events in n trials at tail a, U(k, n, a) = beta.ppf(1 − a, k + 1, n − k) (1 for k = n),
 * and the lower limit L(k, n, a) = beta.ppf(a, k, n − k + 1).
 */
class DisparityAgreementBoundTest {

    /**
     * Groups of 200, 150 and 40 counted examples with 3, 0 and 2 disagreements, each limit at a = 0.05/3: the two
     * largest are U(2, 40) = 0.18038584610465436 and U(3, 200) = 0.04596562164179894 (U(0, 150) = 0.02692647…).
     */
    @Test
    void aGapMovesByAtMostTheTwoLargestLimitsOfTheDisagreementsSeen() {
        assertEquals(0.2263514677464533, DisparityAgreementBound.ofGap(new long[] {200, 150, 40},
                new long[] {3, 0, 2}, 0.95), 1e-9);
        // a group without counted examples does not enter the gap nor share the tail: U(0, 150, 0.025) + U(3, 200, 0.025)
        assertEquals(DisparityAgreementBound.ofGap(new long[] {200, 150}, new long[] {3, 0}, 0.95),
                DisparityAgreementBound.ofGap(new long[] {200, 0, 150}, new long[] {3, 0, 0}, 0.95), 0);
    }

    /** With none seen the limit is the one for 0 events, 1 − a^(1/n): U(0, 150, 0.05/3) twice. */
    @Test
    void withoutDisagreementsTheLimitIsTheOneForNoEvents() {
        assertEquals(2 * 0.026926471132857364, DisparityAgreementBound.ofGap(new long[] {150, 150, 150},
                new long[] {0, 0, 0}, 0.95), 1e-12);
    }

    /**
     * Equalized odds: positives 30 and 20 with 1 and 0 disagreements, negatives 170 and 80 with 4 and 0, four limits
     * at a = 0.05/4: the TPR gap's U(1, 30) + U(0, 20) = 0.3913464005049241 beats the FPR gap's 0.1182421017978092.
     */
    @Test
    void equalizedOddsTakesTheLargerOfItsTwoGapsBounds() {
        assertEquals(0.3913464005049241, DisparityAgreementBound.ofLargerGap(new long[] {30, 20}, new long[] {1, 0},
                new long[] {170, 80}, new long[] {4, 0}, 0.95), 1e-9);
    }

    /**
     * The ratio: groups of 500 and 400 with 2 and 1 disagreements, production selecting 90 of the 900: D = max(U(2,
     * 500), U(1, 400)) at 0.025/2 = 0.01614538327538176, L(90, 900, 0.025) = 0.08117966070170991, b = 2D / L.
     */
    @Test
    void theRatioMovesByAtMostTwiceTheLargestShareOverProductionsPooledRate() {
        assertEquals(0.3977691736038922, DisparityAgreementBound.ofRatio(new long[] {500, 400}, new long[] {2, 1}, 90,
                0.95), 1e-9);
        // production selecting nobody: its largest rate has no lower limit above 0, so the bound is the whole range
        assertEquals(1, DisparityAgreementBound.ofRatio(new long[] {500, 400}, new long[] {2, 1}, 0, 0.95), 0);
    }
}
