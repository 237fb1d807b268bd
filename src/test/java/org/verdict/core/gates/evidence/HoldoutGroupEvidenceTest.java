package org.verdict.core.gates.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.suites.HoldoutGroupPoint;
import org.verdict.core.gates.suites.HoldoutGroupPoint.StandardDeviation;
import org.verdict.core.gates.suites.HoldoutGroupPoint.Successes;
import org.verdict.core.stats.Interval;

/**
 * The gap treated − holdout per date, with intervals where the file says what its values are. Expected intervals
 * were computed apart from this code with scipy 1.10 (Wilson's and Newcombe's method 10 by their formulas with
 * {@code norm.ppf}; Student's with {@code t.interval}; Welch's with {@code t.ppf} at the Welch–Satterthwaite degrees
 * of freedom). Newcombe's own example (1998, Table II: 56/70 − 48/80, method 10: 0.0524 to 0.3339) is met by the same
 * script.
 */
class HoldoutGroupEvidenceTest {
    private static final LocalDate D1 = LocalDate.parse("2026-10-01");
    private static final LocalDate D2 = LocalDate.parse("2026-10-08");

    @Test
    void theGapIsTreatedMinusHoldoutOnDatesWithBothGroups() {
        HoldoutGroupEvidence evidence = HoldoutGroupEvidence.of(List.of(
                unknown(D2, "treated", 0.70, 900), unknown(D1, "holdout", 0.60, 100),
                unknown(D1, "treated", 0.66, 900), unknown(D2, "holdout", 0.61, 100),
                unknown(LocalDate.parse("2026-10-15"), "treated", 0.71, 900)), 0.95);
        assertEquals(2, evidence.points().size(), "a date measured in one group only has no gap");
        assertEquals(D1, evidence.points().get(0).date());
        assertEquals(0.06, evidence.points().get(0).gap(), 1e-12);
        assertEquals(0.09, evidence.points().get(1).gap(), 1e-12);
        assertEquals(HoldoutGroupEvidence.Intervals.NONE, evidence.intervals());
        assertNull(evidence.points().get(0).gapCi(), "a value of unknown kind has no interval");
    }

    @Test
    void ratesOfNGetWilsonIntervalsAndTheGapNewcombes() {
        HoldoutGroupEvidence evidence = HoldoutGroupEvidence.of(List.of(
                new HoldoutGroupPoint(D1, "holdout", 0.60, 100, new Successes(60)),
                new HoldoutGroupPoint(D1, "treated", 0.66, 900, new Successes(594))), 0.95);
        HoldoutGroupEvidence.Point point = evidence.points().get(0);
        assertEquals(HoldoutGroupEvidence.Intervals.RATES, evidence.intervals());
        assertInterval(0.5020025867910618, 0.6905987135675411, point.holdoutCi());
        assertInterval(0.6284299237852442, 0.6902100292611386, point.treatedCi());
        assertInterval(-0.03594163127807887, 0.16254822701345076, point.gapCi());
    }

    @Test
    void meansWithTheirSpreadGetStudentsIntervalsAndTheGapWelchs() {
        HoldoutGroupEvidence evidence = HoldoutGroupEvidence.of(List.of(
                new HoldoutGroupPoint(D1, "holdout", 12.5, 100, new StandardDeviation(8.0)),
                new HoldoutGroupPoint(D1, "treated", 14.0, 900, new StandardDeviation(9.5)),
                new HoldoutGroupPoint(D2, "holdout", 12.0, 1, new StandardDeviation(0)),
                new HoldoutGroupPoint(D2, "treated", 14.0, 900, new StandardDeviation(9.5))), 0.95);
        HoldoutGroupEvidence.Point point = evidence.points().get(0);
        assertEquals(HoldoutGroupEvidence.Intervals.MEANS, evidence.intervals());
        assertInterval(10.912626438793055, 14.087373561206945, point.holdoutCi());
        assertInterval(13.378508014723884, 14.621491985276116, point.treatedCi());
        assertInterval(-0.20193277707902446, 3.2019327770790245, point.gapCi());
        HoldoutGroupEvidence.Point oneUser = evidence.points().get(1);
        assertNull(oneUser.holdoutCi(), "a mean of one value has no spread to estimate");
        assertNull(oneUser.gapCi());
    }

    private static HoldoutGroupPoint unknown(LocalDate date, String group, double value, long n) {
        return new HoldoutGroupPoint(date, group, value, n, HoldoutGroupPoint.Spread.UNKNOWN);
    }

    private static void assertInterval(double lower, double upper, Interval actual) {
        assertEquals(lower, actual.lower(), 1e-9);
        assertEquals(upper, actual.upper(), 1e-9);
    }
}
