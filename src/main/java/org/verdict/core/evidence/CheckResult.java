package org.verdict.core.evidence;

import java.util.List;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.model.GateResult;

/** A retraining trigger or data-validation check with the evidence behind its outcome. */
public record CheckResult(String name, Outcome outcome, String evidence) {
    /** The checks as one table: what, how it ended, and why. */
    public static EvidenceTable table(String caption, String what, List<CheckResult> checks) {
        List<List<Cell>> rows = checks.stream()
                .map(c -> List.of(Cell.plain(c.name()), Cell.of(c.outcome()), Cell.plain(GateResult.besideOutcome(c.evidence()))))
                .toList();
        return new EvidenceTable(caption, List.of(what, "Outcome", "Evidence"), rows);
    }
}
