package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.stats.Interval;

/** What every section class shares: a gate's section with its findings, and the cells of an estimate. */
final class Sections {
    private Sections() {
    }

    /** A promotion gate's section: its evidence, then the table of how each part of it was judged. */
    static EvidenceSection gate(GateResult result, List<EvidenceChart> charts, List<EvidenceTable> tables,
                                String missing) {
        List<EvidenceTable> withFindings = new ArrayList<>(tables);
        withFindings.add(findings(result));
        return new EvidenceSection(result.gate().evidencePage(), result.gate().title(), outcome(result.outcome()),
                result.summary(), charts, withFindings, missing);
    }

    /** A gate whose suite the pack lacks: only the findings, and the missing suite in words. */
    static EvidenceSection missingGate(GateResult result, String missing) {
        return gate(result, List.of(), List.of(), missing);
    }

    private static EvidenceTable findings(GateResult result) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Finding finding : result.findings()) {
            rows.add(List.of(Cell.plain(finding.subject()), Cell.of(outcome(finding.outcome())),
                    Cell.plain(GateResult.besideOutcome(finding.detail()))));
        }
        return new EvidenceTable("How the gate was judged", List.of("Part", "Outcome", "Evidence"), rows);
    }

    static Outcome outcome(GateOutcome outcome) {
        return switch (outcome) {
            case PASS -> Outcome.PASS;
            case FAIL -> Outcome.FAIL;
            case INSUFFICIENT_EVIDENCE -> Outcome.INSUFFICIENT_EVIDENCE;
            case NOT_APPLICABLE -> Outcome.NOT_APPLICABLE;
        };
    }

    static String rate(RateEstimate rate) {
        return rate == null ? "–" : valueWithCi(rate.rate(), rate.ci());
    }

    static String valueWithCi(double value, Interval ci) {
        return EvidenceNumbers.estimate(value, ci);
    }
}
