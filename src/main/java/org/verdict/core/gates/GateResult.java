package org.verdict.core.gates;

import java.util.List;

/**
 * How one gate ended and why.
 *
 * @param summary one sentence for the checklist, with the deciding numbers
 * @param findings every judged part, in display order
 */
public record GateResult(Gate gate, GateOutcome outcome, String summary, List<Finding> findings) {
    public GateResult {
        findings = List.copyOf(findings);
    }

    /** A gate judged from its findings, its outcome combined by {@link GateOutcome#combine}. */
    public static GateResult fromFindings(Gate gate, List<Finding> findings, String passSummary) {
        GateOutcome outcome = GateOutcome.combine(findings);
        String summary = switch (outcome) {
            case PASS -> passSummary;
            case NOT_APPLICABLE -> findings.get(0).detail();
            default -> findings.stream().filter(f -> f.outcome() == outcome).map(Finding::detail)
                    .findFirst().orElseThrow()
                    + moreOf(findings, outcome);
        };
        return new GateResult(gate, outcome, summary, findings);
    }

    /** A gate that could not be judged at all. */
    public static GateResult without(Gate gate, GateOutcome outcome, String reason) {
        return new GateResult(gate, outcome, reason, List.of(Finding.of(gate.title(), outcome, reason)));
    }

    private static String moreOf(List<Finding> findings, GateOutcome outcome) {
        long more = findings.stream().filter(f -> f.outcome() == outcome).count() - 1;
        return more == 0 ? "" : " (and " + more + " more)";
    }
}
