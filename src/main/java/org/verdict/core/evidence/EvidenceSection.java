package org.verdict.core.evidence;

import java.util.List;
import java.util.Objects;
import org.verdict.core.gates.model.EvidencePageId;

/**
 * One section of evidence as the board reads it, in every medium (the app's Evidence view, the approval pack's
 * HTML and PDF): the verdict, one sentence with the numbers behind it, its charts as data and its tables.
 *
 * @param page where the app shows it; a page may hold several sections (the held-out set and the holdout group)
 * @param name e.g. "Primary metric", "Safety"
 * @param summary why it ended this way, e.g. "lower bound of Δ −0.004 ≥ −0.01 margin"
 * @param missing what the pack lacks for this evidence, in words (e.g. "The pack has no canary run (canary.csv)."),
 *                or null when the evidence is there; the approval pack lists missing suites on its own
 * @param detailCharts the raw data behind the judged numbers (the canary's days, the latency distribution): the app
 *                     shows them after the charts; the approval pack keeps to what the gate judged
 */
public record EvidenceSection(EvidencePageId page, String name, Outcome outcome, String summary,
                              List<EvidenceChart> charts, List<EvidenceTable> tables, String missing,
                              List<EvidenceChart> detailCharts) {
    public EvidenceSection {
        Objects.requireNonNull(page, "page");
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
        detailCharts = List.copyOf(detailCharts);
    }

    /** A section without detail charts. */
    public EvidenceSection(EvidencePageId page, String name, Outcome outcome, String summary,
                           List<EvidenceChart> charts, List<EvidenceTable> tables, String missing) {
        this(page, name, outcome, summary, charts, tables, missing, List.of());
    }

    public EvidenceSection withDetailCharts(List<EvidenceChart> detail) {
        return new EvidenceSection(page, name, outcome, summary, charts, tables, missing, detail);
    }

    public boolean isPresent() {
        return missing == null;
    }
}
