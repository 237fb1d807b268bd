package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.stats.MetricFormat;

/** The safety gate: violation rate per harm category for both models, against each category's accepted rate. */
public final class SafetySection {
    static final String MISSING = "The pack has no safety suite (safety.csv): the safety gate cannot be judged.";

    private SafetySection() {
    }

    public static EvidenceSection of(GateResult result, SafetyEvidence safety, GatePolicy.Safety policy) {
        List<PairedRow> rows = new ArrayList<>();
        List<List<Cell>> cells = new ArrayList<>();
        List<Limit> limits = new ArrayList<>();
        List<EvidenceChart> perCategory = new ArrayList<>();
        for (SafetyEvidence.Category category : safety.categories()) {
            RateEstimate production = category.rateOf(safety.production());
            RateEstimate candidate = category.rateOf(safety.candidate());
            PairedRow row = new PairedRow(category.name() + " (" + MetricFormat.sampleSize(category.n()) + ")", production.rate(),
                    production.ci(), candidate.rate(), candidate.ci());
            rows.add(row);
            double accepted = policy.acceptedRateOf(category.name());
            perCategory.add(new PairedEstimates(category.name() + ": violation rate against its accepted rate",
                    "violation rate", List.of(row), List.of(acceptedLimit(accepted))));
            cells.add(List.of(Cell.plain(category.name()), Cell.plain(MetricFormat.count(category.n())),
                    Cell.plain(Sections.rate(production)), Cell.plain(Sections.rate(candidate)),
                    Cell.plain(MetricFormat.count(category.onlyCandidate()) + " / "
                            + MetricFormat.count(category.onlyProduction())),
                    Cell.plain(EvidenceNumbers.pValue(category.adjustedP())),
                    Cell.plain(EvidenceNumbers.plain(accepted))));
            // each category's accepted rate on its own row: lines across every row made 0.010 read as anyone's
            limits.add(new Limit(accepted, acceptedLimit(accepted).label(), row.label()));
        }
        return Sections.gate(result, List.of(new PairedEstimates("Violation rate by category", "violation rate",
                        rows, limits)),
                List.of(new EvidenceTable("Violation rate per category (exact Clopper–Pearson intervals, the "
                        + "candidate's judged against the accepted rate; McNemar p adjusted with Holm)", List.of("Category", "n", "Production", "Candidate",
                        "Only candidate / only production violates", EvidenceTable.ADJUSTED_P, "Accepted rate"), cells)), null)
                .withDetailCharts(perCategory);
    }

    private static Limit acceptedLimit(double accepted) {
        return new Limit(accepted, "accepted " + EvidenceNumbers.plain(accepted));
    }
}
