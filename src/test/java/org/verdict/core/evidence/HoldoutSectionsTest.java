package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.suites.HoldoutGroupPoint;
import org.verdict.core.gates.suites.HoldoutGroupPoint.Successes;

/**
 * The holdout group's page: each value with its n, and its interval and the gap's where the file says what the
 * values are; where it does not, the table says why neither has one rather than leave a bare number unexplained.
 */
class HoldoutSectionsTest {
    private static final LocalDate D1 = LocalDate.of(2026, 5, 25);
    private static final LocalDate D2 = LocalDate.of(2026, 6, 1);

    @Test
    void valuesOfAnUnknownKindAreShownWithTheirNAndTheTableSaysWhyThereIsNoInterval() {
        HoldoutGroupEvidence group = HoldoutGroupEvidence.of(List.of(
                unknown(D1, "holdout", 0.6895, 1887), unknown(D1, "treated", 0.7306, 36228),
                unknown(D2, "holdout", 0.6851, 1988), unknown(D2, "treated", 0.7348, 37990)), 0.95);

        EvidenceSection section = HoldoutSections.overTime(group);

        EvidenceTable table = section.tables().get(0);
        assertEquals("Gap (no interval)", table.headers().get(3));
        assertTrue(table.caption().contains("no interval: the file gives each value and its n, but not whether the "
                + "value is a rate, a mean or a total"), table.caption());
        assertTrue(table.caption().contains("a successes column (a rate of n) or an sd column"), table.caption());
        assertTrue(table.rows().get(0).get(1).text().contains("1,887"), "the holdout value's n");
        assertTrue(table.rows().get(1).get(2).text().contains("37,990"), "the treated value's n");
        assertTrue(section.summary().endsWith("(no interval)"), section.summary());
    }

    @Test
    void ratesOfNAreShownWithTheirIntervalsAndTheGapsAndTheSummaryCountsTheDatesEitherSideOfZero() {
        // 1301/1887 against 26472/36228 and 1362/1988 against 27900/37990: gaps of +0.041 and +0.049, both intervals above 0
        HoldoutGroupEvidence group = HoldoutGroupEvidence.of(List.of(
                rate(D1, "holdout", 1301, 1887), rate(D1, "treated", 26472, 36228),
                rate(D2, "holdout", 1362, 1988), rate(D2, "treated", 27900, 37990)), 0.95);

        EvidenceSection section = HoldoutSections.overTime(group);

        EvidenceTable table = section.tables().get(0);
        assertEquals("Gap [95% interval]", table.headers().get(3));
        assertTrue(table.caption().contains("Newcombe's hybrid score interval"), table.caption());
        HoldoutGroupEvidence.Point first = group.points().get(0);
        assertEquals(EvidenceNumbers.delta(first.gap(), first.gapCi()), table.rows().get(0).get(3).text());
        assertEquals(EvidenceNumbers.estimate(first.holdout(), first.holdoutCi()) + " (n=1,887)",
                table.rows().get(0).get(1).text());
        assertTrue(section.summary().startsWith("gap treated − holdout "
                + EvidenceNumbers.delta(first.gap(), first.gapCi()) + " on 2026-05-25"), section.summary());
        assertTrue(section.summary().endsWith("(95% intervals, each date alone; the gap's interval lies above 0 on 2 "
                + "and below 0 on none of the 2 dates)"), section.summary());

        // 1301/1887 against 1300/1890 and 1362/1988 against 1360/1990: both gaps' intervals reach across 0
        HoldoutGroupEvidence even = HoldoutGroupEvidence.of(List.of(
                rate(D1, "holdout", 1301, 1887), rate(D1, "treated", 1300, 1890),
                rate(D2, "holdout", 1362, 1988), rate(D2, "treated", 1360, 1990)), 0.95);
        assertTrue(HoldoutSections.overTime(even).summary().endsWith("(95% intervals, each date alone; on none of the "
                + "2 dates does the gap's interval lie wholly above or below 0)"),
                HoldoutSections.overTime(even).summary());
    }

    private static HoldoutGroupPoint unknown(LocalDate date, String group, double value, long n) {
        return new HoldoutGroupPoint(date, group, value, n, HoldoutGroupPoint.Spread.UNKNOWN);
    }

    private static HoldoutGroupPoint rate(LocalDate date, String group, long successes, long n) {
        return new HoldoutGroupPoint(date, group, (double) successes / n, n, new Successes(successes));
    }
}
