package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.suites.HumanBaselineSuite;

/** The page a board reads (and the approval pack prints): every number with its n and interval. */
class HumanBaselineSectionTest {

    @Test
    void theHeadlineAndTableGiveNIntervalsAndThePairedDifference() {
        // the 60 examples of HumanBaselineEvidenceTest, production "1" as right as the human
        HumanBaselineSuite cells = new HumanBaselineSuite(List.of(),
                List.of("a", "a", "b", "b", "c", "c", "a", "b"), List.of("a", "a", "b", "a", "c", "c", "b", "b"),
                Map.of("1", List.of("a", "a", "b", "a", "c", "c", "b", "b"),
                        "2", List.of("a", "b", "b", "b", "c", "a", "a", "c")), new long[] {20, 4, 15, 3, 10, 5, 2, 1});
        EvidenceSection section = HumanBaselineSection.of(HumanBaselineEvidence.of(cells, "2", 0.95), "1", "2");

        // the human: 55/60 = 0.917 and its interval; the candidate 50/60 = 0.833; Δ −0.083 [−0.216, +0.047]
        assertTrue(section.summary().startsWith("n=60: candidate accuracy 0.833 ["), section.summary());
        assertTrue(section.summary().contains("human reviewers 0.917 ["), section.summary());
        assertTrue(section.summary().contains("candidate − human −0.083 [−0.216, +0.047] (paired)"), section.summary());

        EvidenceTable table = section.tables().get(0);
        assertEquals(List.of("Who", "Accuracy", "Minus human (paired)", "Kappa with human"), table.headers());
        assertTrue(table.caption().contains("60 examples"), table.caption());
        List<String> candidate = table.rows().get(2).stream().map(Cell::text).toList();
        assertEquals("candidate 2", candidate.get(0));
        assertEquals("−0.083 [−0.216, +0.047]", candidate.get(2));
        assertEquals("0.610 [0.410, 0.755]", candidate.get(3), "kappa with its Fisher-z interval");
        // production agrees with the human on every example: kappa 1 has no standard error, so no interval; Tango with
        // no discordant pair gives ±z²/(N + z²) = ±3.8415/63.8415 = ±0.060
        assertEquals("1.000", table.rows().get(1).get(3).text());
        assertEquals("0.000 [−0.060, +0.060]", table.rows().get(1).get(2).text());
    }
}
