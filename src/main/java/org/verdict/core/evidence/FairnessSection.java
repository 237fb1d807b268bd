package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.Disparity;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.evidence.GroupChange;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * The fairness gate, per sensitive attribute: selection rates per group and the disparities over the groups, for
 * both models with their intervals.
 */
public final class FairnessSection {
    static final String MISSING = "The primary suite declares no sensitive columns (\"sensitive\" in the manifest): "
            + "fairness cannot be measured.";

    private FairnessSection() {
    }

    public static EvidenceSection of(GateResult result, FairnessEvidence fairness, GatePolicy policy) {
        List<EvidenceChart> charts = new ArrayList<>();
        List<EvidenceTable> tables = new ArrayList<>();
        for (FairnessEvidence.Attribute attribute : fairness.attributes()) {
            List<PairedRow> selection = new ArrayList<>();
            List<List<Cell>> groups = new ArrayList<>();
            for (FairnessEvidence.Group group : attribute.groups()) {
                // a group below the minimum size is drawn, greyed and said to be left out: the gate did not judge it
                boolean leftOut = attribute.excludedGroups().contains(group.name());
                selection.add(new PairedRow(attribute.name() + "=" + group.name() + " ("
                        + MetricFormat.sampleSize(group.n()) + (leftOut ? ", too small, not judged" : "") + ")",
                        group.production().selectionRate(), group.production().selectionCi(),
                        group.candidate().selectionRate(), group.candidate().selectionCi(), leftOut));
                groups.add(List.of(Cell.plain(group.name()), Cell.plain(MetricFormat.count(group.n())),
                        Cell.plain(MetricFormat.count(group.positives())),
                        Cell.plain(pair(group.production().selectionRate(), group.production().selectionCi(),
                                group.candidate().selectionRate(), group.candidate().selectionCi())),
                        Cell.plain(pair(group.production().tpr(), group.production().tprCi(),
                                group.candidate().tpr(), group.candidate().tprCi())),
                        Cell.plain(pair(group.production().fpr(), group.production().fprCi(),
                                group.candidate().fpr(), group.candidate().fprCi()))));
            }
            charts.add(new PairedEstimates("Selection rate of '" + fairness.positiveClass() + "' by "
                    + attribute.name() + " (modified Wilson intervals)", "selection rate", selection, List.of()));
            tables.add(new EvidenceTable("Rates by " + attribute.name() + ", production / candidate, each with its "
                    + GateNumbers.level(policy.confidenceLevel()) + " modified Wilson interval (positive class '"
                    + fairness.positiveClass() + "': " + fairness.positiveClassReason() + ")"
                    + (attribute.excludedGroups().isEmpty() ? ""
                    : "; left out of the disparities as smaller than " + MetricFormat.count(
                            policy.fairness().minGroupSize()) + ": " + String.join(", ", attribute.excludedGroups())),
                    List.of("Group", "n", "Positives", "Selection rate", "TPR", "FPR"), groups));
            tables.add(changes(fairness, attribute, policy));
            List<PairedRow> ratios = new ArrayList<>();
            List<PairedRow> differences = new ArrayList<>();
            List<List<Cell>> disparityRows = new ArrayList<>();
            for (Disparity disparity : Disparity.values()) {
                FairnessEvidence.DisparityEstimate estimate = attribute.disparities().get(disparity);
                if (estimate == null || !estimate.isDefined()) {
                    continue;
                }
                // a ratio of a model that selects nobody is 0 / 0: drawn for neither model, as one point would read
                // as the other's result; a difference of 0 is drawn, its label saying why it is 0
                if (estimate.production() != null && estimate.candidate() != null) {
                    PairedRow row = new PairedRow(disparity.wireName() + selectsNone(estimate), estimate.production(),
                            estimate.productionCi(), estimate.candidate(), estimate.candidateCi());
                    (isRatio(disparity) ? ratios : differences).add(row);
                }
                disparityRows.add(List.of(Cell.plain(disparity.wireName()),
                        Cell.plain(value(estimate.production(), estimate.productionCi(),
                                estimate.productionSelectsNone(), fairness.positiveClass())),
                        Cell.plain(value(estimate.candidate(), estimate.candidateCi(),
                                estimate.candidateSelectsNone(), fairness.positiveClass())),
                        Cell.plain(estimate.worsening() == null ? "not measured: the candidate selects no '"
                                + fairness.positiveClass() + "' that these rates count"
                                : EvidenceNumbers.delta(estimate.worsening(), estimate.worseningCi())
                                + (estimate.productionSelectsNone() ? " (measured from parity: production selects"
                                + " none)" : "")
                                + (estimate.fromAgreement() ? " (agreement bound: "
                                + estimate.agreement(fairness.positiveClass()) + ")" : "")),
                        Cell.plain(EvidenceNumbers.plain(policy.fairness().toleranceOf(disparity.wireName())))));
            }
            String level = GateNumbers.level(policy.confidenceLevel());
            String modelIntervals = FairnessEvidence.DISPARITY_INTERVALS.formatted(level);
            // ratios sit near 1 and differences near 0: on one axis the differences would be unreadable
            if (!ratios.isEmpty()) {
                charts.add(new PairedEstimates("Disparity ratios over " + attribute.name() + " (" + modelIntervals + ")",
                        "ratio min / max over groups (1 is parity)", ratios, List.of(new Limit(1.0, "parity 1"))));
            }
            if (!differences.isEmpty()) {
                charts.add(new PairedEstimates("Disparity differences over " + attribute.name()
                        + " (" + modelIntervals + ")", "difference max − min over groups (0 is parity)", differences,
                        List.of(new Limit(0.0, "parity 0"))));
            }
            if (!disparityRows.isEmpty()) {
                tables.add(new EvidenceTable("Disparities over " + attribute.name() + ": each model's value with its "
                        + modelIntervals + "; the worsening with its "
                        + FairnessEvidence.WORSENING_INTERVAL.formatted(level),
                        List.of("Disparity", "Production", "Candidate", "Worsening", "Tolerance"), disparityRows));
            }
        }
        return Sections.gate(result, charts, tables, null);
    }

    /**
     * Each group's change of each rate, candidate − production on the same examples, with the interval its verdict
     * reads: what a reviewer decides on, where the rates table gives each model's own interval. A group not tested
     * shows why in place of Δ: a change of a handful of rows without its interval would read as a result.
     */
    private static EvidenceTable changes(FairnessEvidence fairness, FairnessEvidence.Attribute attribute,
                                         GatePolicy policy) {
        List<List<Cell>> rows = new ArrayList<>();
        for (GroupChange change : attribute.changes()) {
            rows.add(List.of(Cell.plain(change.group()), Cell.plain(change.rate().label()),
                    Cell.plain(MetricFormat.count(change.n()) + " " + change.rate().counted()),
                    Cell.plain(change.isTested() ? MetricFormat.RATE.delta(change.delta(), change.ci().lower(),
                            change.ci().upper()) + " at " + change.shown().levelText() : change.untested()),
                    Cell.plain(change.isTested() ? EvidenceNumbers.pValue(change.adjustedP()) : "–"),
                    ComparisonEvidence.verdictCell(change.verdict(), change.verdict().label())));
        }
        return new EvidenceTable("Change by " + attribute.name() + ": candidate − production on the same examples, "
                + "with " + FairnessEvidence.CHANGE_INTERVAL + "; a verdict is better, worse or (selection rate) "
                + "significantly different exactly when its interval excludes 0 (its adjusted p below "
                + GateNumbers.value(1 - policy.confidenceLevel()) + "), no significant difference when it holds 0 "
                + "and lies within " + fairness.changeBandText(),
                List.of("Group", "Rate", "n", "Δ with CI (level)", EvidenceTable.ADJUSTED_P, "Verdict"), rows);
    }

    /** " (candidate selects none)": why a model's difference is 0, beside the disparity's name in the chart. */
    private static String selectsNone(FairnessEvidence.DisparityEstimate estimate) {
        return estimate.candidateSelectsNone() && estimate.productionSelectsNone() ? " (neither model selects any)"
                : estimate.candidateSelectsNone() ? " (candidate selects none)"
                : estimate.productionSelectsNone() ? " (production selects none)" : "";
    }

    /**
     * A model's disparity with its interval; "undefined: selects no 'x'" for a ratio of a model that selects nobody
     * (0 / 0), and "0 only because it selects no 'x'" beside a difference whose rates are all 0.
     */
    private static String value(Double value, Interval ci, boolean selectsNone, String positiveClass) {
        if (value == null) {
            return "undefined: selects no '" + positiveClass + "' (0 / 0)";
        }
        return Sections.valueWithCi(value, ci) + (selectsNone ? " (0 only because it selects no '" + positiveClass
                + "')" : "");
    }

    /** Ratios (1 is parity) and differences (0 is parity) live on scales too far apart to share an axis. */
    static boolean isRatio(Disparity disparity) {
        return disparity.wireName().endsWith("_ratio");
    }

    /** Both models' rates, each with its modified Wilson interval: "0.412 [0.398, 0.426] / 0.383 [0.369, 0.397]". */
    private static String pair(Double production, Interval productionCi, Double candidate, Interval candidateCi) {
        return rate(production, productionCi) + " / " + rate(candidate, candidateCi);
    }

    /** A rate with its interval; "–" where the group has no example to measure it on (no positives for TPR). */
    private static String rate(Double value, Interval ci) {
        return value == null ? "–" : ci == null ? EvidenceNumbers.plain(value) : Sections.valueWithCi(value, ci);
    }
}
