package org.verdict.core.gates;

import java.util.List;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateResult;

/**
 * The answer to "may this candidate replace production?": every gate with its outcome and numbers, and who must
 * approve. This is what the CLI prints, the Gates view shows and approval reports embed.
 *
 * @param gates the eight promotion gates in policy order, then the data-validation gates
 * @param missingSuites optional suites the pack does not have (manifest names), so readers see what is missing
 */
public record GateEvaluation(String packName, String production, String candidate, int riskTier,
                             List<GateResult> gates, ApprovalRequirement approval, List<String> missingSuites) {
    public GateEvaluation {
        gates = List.copyOf(gates);
        missingSuites = List.copyOf(missingSuites);
    }

    /** True when no gate fails or lacks evidence (not-applicable gates do not block). */
    public boolean everyGatePasses() {
        return gates.stream().noneMatch(g -> g.outcome().blocksPromotion());
    }

    public GateResult result(Gate gate) {
        return gates.stream().filter(g -> g.gate() == gate).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("gate " + gate.wireName() + " was not evaluated"));
    }
}
