package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.triggers.FeatureDrift;
import org.verdict.core.gates.triggers.RetrainingAssessment;
import org.verdict.core.gates.triggers.RetrainingDecision;

/**
 * A feature whose test is significant but whose PSI is stable showed a bare "–" under Drift beside "adjusted p
 * <0.001": the table says that PSI decides, in a note its cell points to, which the approval pack prints too.
 */
class TriggersSectionTest {

    @Test
    void aSignificantTestWithAStablePsiPointsToTheNoteThatPsiDecides() {
        // p17's device: PSI 0.058 (stable), chi-square adjusted p far below 0.001; message_length: PSI 0.245, drifted
        FeatureDrift device = new FeatureDrift("device", false, 9000, 9000, 0.058, "stable", "chi-square", 310.0, 1e-60,
                1e-59, false);
        FeatureDrift length = new FeatureDrift("message_length", true, 9000, 9000, 0.245, "moderate", "ks", 0.195,
                1e-50, 1e-49, true);
        EvidenceSection section = TriggersSection.of(new RetrainingAssessment(List.of(), List.of(device, length),
                List.of(), RetrainingDecision.RETRAIN, "drift fired"));
        EvidenceTable drift = section.tables().get(1);

        List<String> driftColumn = drift.rows().stream().map(row -> row.get(9)).map(Cell::text).toList();
        assertEquals("– [a]", driftColumn.get(0));
        assertEquals(List.of(TriggersSection.PSI_DECIDES), drift.notes());
        assertEquals("[a] not drifted: PSI decides", TriggersSection.PSI_DECIDES.substring(0, 28));
    }

    @Test
    void noNoteWhenEveryFeatureDrifted() {
        FeatureDrift length = new FeatureDrift("message_length", true, 9000, 9000, 0.3, "major", "ks", 0.2, 1e-50,
                1e-49, true);
        EvidenceSection section = TriggersSection.of(new RetrainingAssessment(List.of(), List.of(length), List.of(),
                RetrainingDecision.RETRAIN, "drift fired"));
        assertEquals(List.of(), section.tables().get(1).notes());
    }
}
