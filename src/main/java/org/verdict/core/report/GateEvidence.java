package org.verdict.core.report;

import java.util.List;

/**
 * One promotion gate as the board reads it: the verdict, one sentence with the numbers behind it, and the evidence.
 *
 * @param name e.g. "Primary metric", "Safety"
 * @param summary why it ended this way, e.g. "lower bound of Δ −0.004 ≥ −0.01 margin"
 */
public record GateEvidence(String name, Outcome outcome, String summary, List<EvidenceChart> charts,
                           List<EvidenceTable> tables) {
    public GateEvidence {
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
    }
}
