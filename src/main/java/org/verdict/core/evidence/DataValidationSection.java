package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.GateEvaluation;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
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

    /**
     * The checks of every data-validation gate, those that fail or lack evidence first (a failing contamination check
     * was the last of some twenty rows, below the fold), and a summary that names the gates that block and why.
     */
    public static EvidenceSection of(GateEvaluation gates) {
        List<List<Cell>> blockingRows = new ArrayList<>();
        List<List<Cell>> otherRows = new ArrayList<>();
        for (GateResult gate : validationGates(gates)) {
            gate.findings().forEach(f -> (f.outcome().blocksPromotion() ? blockingRows : otherRows).add(List.of(
                    Cell.plain(gate.gate().title()), Cell.plain(f.subject()), Cell.of(Sections.outcome(f.outcome())),
                    Cell.plain(GateResult.besideOutcome(f.detail())))));
        }
        List<List<Cell>> rows = new ArrayList<>(blockingRows);
        rows.addAll(otherRows);
        List<String> blocking = validationGates(gates).stream().filter(g -> g.outcome().blocksPromotion())
                .map(DataValidationSection::whyItBlocks).toList();
        String summary = blocking.isEmpty() ? "Every data-validation gate passes or does not apply."
                : String.join(" ", blocking);
        return new EvidenceSection(EvidencePageId.DATA_VALIDATION, "Data validation",
                blocking.isEmpty() ? Outcome.PASS : Outcome.FAIL, summary, List.of(),
                List.of(new EvidenceTable("Schema, volume, contamination and label quality",
                        List.of("Gate", "Checked", "Outcome", "Detail"), rows)), null);
    }

    private static String whyItBlocks(GateResult gate) {
        String verb = gate.outcome() == GateOutcome.FAIL ? " fails: " : " lacks evidence: ";
        String why = gate.summary().strip();
        return gate.gate().title() + verb + why + (why.endsWith(".") ? "" : ".");
    }

    private static List<GateResult> validationGates(GateEvaluation gates) {
        return gates.gates().stream().filter(g -> g.gate().kind() == Gate.Kind.DATA_VALIDATION).toList();
    }
}
