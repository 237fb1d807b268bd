package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.summary.HeldOutSet;

/**
 * Evidence no gate judges, on the Holdout page: the candidate on the held-out evaluation set, and the persistent
 * holdout group against the treated population over time.
 */
public final class HoldoutSections {
    static final String MISSING = "The pack has neither a held-out evaluation set (holdout) nor a persistent "
            + "holdout group (holdoutGroup).";

    /** What the holdout group's values and gaps are shown without, in the summary and the table. */
    static final String NO_INTERVAL = "no interval";
    /**
     * A value of the file is a business metric of any kind: a share of n has a binomial interval, a mean needs its
     * spread, a total neither. Assuming a rate would give an interval that may be far too narrow or wide.
     */
    static final String WHY_NO_INTERVAL = "the file gives each value and its n, but not whether the value is a "
            + "rate, a mean or a total, nor its spread, so its uncertainty cannot be computed without assuming one; "
            + "read the gap as a description, not a test (no gate judges it)";

    private HoldoutSections() {
    }

    /** A summarised set's section says, after its overall result, what its statistics are and their methods. */
    public static EvidenceSection heldOutSet(HeldOutSet.Comparison comparison) {
        ComparisonReport holdout = comparison.report();
        String overall = ComparisonEvidence.overall(holdout);
        return new EvidenceSection(EvidencePageId.HOLDOUT, "Held-out evaluation set", Outcome.EVIDENCE_ONLY,
                comparison.methods() == null ? overall : overall + ". " + comparison.methods(),
                ComparisonEvidence.forestsByDimension(holdout),
                List.of(ComparisonEvidence.table(holdout)), null);
    }

    public static EvidenceSection overTime(HoldoutGroupEvidence group) {
        List<TimePoint> holdout = new ArrayList<>();
        List<TimePoint> treated = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (HoldoutGroupEvidence.Point point : group.points()) {
            holdout.add(new TimePoint(point.date(), point.holdout(), null));
            treated.add(new TimePoint(point.date(), point.treated(), null));
            rows.add(List.of(Cell.plain(point.date().toString()),
                    Cell.plain(EvidenceNumbers.plain(point.holdout()) + " (" + MetricFormat.sampleSize(point.holdoutN()) + ")"),
                    Cell.plain(EvidenceNumbers.plain(point.treated()) + " (" + MetricFormat.sampleSize(point.treatedN()) + ")"),
                    Cell.plain(EvidenceNumbers.signed(point.gap()))));
        }
        String summary = group.points().isEmpty() ? "no date has both groups"
                : "gap treated − holdout " + EvidenceNumbers.signed(group.points().get(0).gap()) + " on "
                + group.points().get(0).date() + ", " + EvidenceNumbers.signed(group.points().get(
                        group.points().size() - 1).gap()) + " on " + group.points().get(group.points().size() - 1)
                        .date() + " (" + NO_INTERVAL + ")";
        return new EvidenceSection(EvidencePageId.HOLDOUT, "Holdout group over time", Outcome.EVIDENCE_ONLY, summary,
                List.of(new TimeSeries("Persistent holdout group vs treated population", "value", List.of(
                        new Series("holdout (never updated)", SeriesRole.PRODUCTION, holdout),
                        new Series("treated", SeriesRole.CANDIDATE, treated)), List.of())),
                List.of(new EvidenceTable("Holdout group and treated population by date, each group's value "
                        + "over the n it is measured on; " + NO_INTERVAL + ": " + WHY_NO_INTERVAL,
                        List.of("Date", "Holdout", "Treated", "Gap (no interval)"), rows)), null);
    }

    /** The page when the pack has neither. */
    static EvidenceSection missing() {
        return new EvidenceSection(EvidencePageId.HOLDOUT, "Holdout", Outcome.EVIDENCE_ONLY, "", List.of(),
                List.of(), MISSING);
    }
}
