package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.GateEvaluation;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateResult;

/** The data-validation gates (schema, volume, contamination, label quality): each gate and each thing it checked. */
public final class DataValidationSection {
    private DataValidationSection() {
    }

    /** Each gate as a check, in the approval pack's list of checks. */
    public static List<CheckResult> checks(GateEvaluation gates) {
        return validationGates(gates).stream()
                .map(g -> new CheckResult(g.gate().title(), Sections.outcome(g.outcome()), g.summary())).toList();
    }

    public static EvidenceSection of(GateEvaluation gates) {
        List<List<Cell>> rows = new ArrayList<>();
        for (GateResult gate : validationGates(gates)) {
            gate.findings().forEach(f -> rows.add(List.of(Cell.plain(gate.gate().title()), Cell.plain(f.subject()),
                    Cell.of(Sections.outcome(f.outcome())), Cell.plain(GateResult.besideOutcome(f.detail())))));
        }
        long blocking = validationGates(gates).stream().filter(g -> g.outcome().blocksPromotion()).count();
        String summary = blocking == 0 ? "Every data-validation gate passes or does not apply."
                : blocking + (blocking == 1 ? " data-validation gate fails or lacks evidence."
                : " data-validation gates fail or lack evidence.");
        return new EvidenceSection(EvidencePageId.DATA_VALIDATION, "Data validation",
                blocking == 0 ? Outcome.PASS : Outcome.FAIL, summary, List.of(),
                List.of(new EvidenceTable("Schema, volume, contamination and label quality",
                        List.of("Gate", "Checked", "Outcome", "Detail"), rows)), null);
    }

    private static List<GateResult> validationGates(GateEvaluation gates) {
        return gates.gates().stream().filter(g -> g.gate().kind() == Gate.Kind.DATA_VALIDATION).toList();
    }
}
