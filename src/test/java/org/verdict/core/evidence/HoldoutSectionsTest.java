package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;

/**
 * The holdout group's values are a business metric of a kind the file does not say: the page shows each with its n
 * and says, in the table, why neither it nor the gap has an interval, rather than leave a bare number unexplained.
 */
class HoldoutSectionsTest {

    @Test
    void theTableSaysWhyItsValuesAndGapsHaveNoIntervalAndGivesEachValuesN() {
        HoldoutGroupEvidence group = new HoldoutGroupEvidence(List.of(
                new HoldoutGroupEvidence.Point(LocalDate.of(2026, 5, 25), 0.6895, 1887, 0.7306, 36228),
                new HoldoutGroupEvidence.Point(LocalDate.of(2026, 6, 1), 0.6851, 1988, 0.7348, 37990)));

        EvidenceSection section = HoldoutSections.overTime(group);

        EvidenceTable table = section.tables().get(0);
        assertEquals("Gap (no interval)", table.headers().get(3));
        assertTrue(table.caption().contains("no interval: the file gives each value and its n, but not whether the "
                + "value is a rate, a mean or a total"), table.caption());
        assertTrue(table.rows().get(0).get(1).text().contains("1,887"), "the holdout value's n");
        assertTrue(table.rows().get(1).get(2).text().contains("37,990"), "the treated value's n");
        assertTrue(section.summary().endsWith("(no interval)"), section.summary());
    }
}
