package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.summary.HeldOutSet;

/**
 * Evidence no gate judges, on the Holdout page: the candidate on the held-out evaluation set, and the persistent
 * holdout group against the treated population over time.
 */
public final class HoldoutSections {
    static final String MISSING = "The pack has neither a held-out evaluation set (holdout) nor a persistent "
            + "holdout group (holdoutGroup).";

    /** What the holdout group's values and gaps are shown without, when the file does not say what they are. */
    static final String NO_INTERVAL = "no interval";
    /**
     * A value of such a file is a business metric of any kind: a share of n has a binomial interval, a mean needs its
     * spread, a total neither. Assuming a rate would give an interval that may be far too narrow or wide.
     */
    static final String WHY_NO_INTERVAL = "the file gives each value and its n, but not whether the value is a "
            + "rate, a mean or a total, nor its spread, so its uncertainty cannot be computed without assuming one; "
            + "read the gap as a description, not a test (no gate judges it); a successes column (a rate of n) or an "
            + "sd column (a mean of n values) gives each value and gap its interval";

    private HoldoutSections() {
    }

    /**
     * The set's overall result, then what it shows significantly worse (the overall result alone read as all-clear
     * beside a slice the set shows worse), then for a summarised set what its statistics are and their methods.
     *
     * @param worse the results significantly worse on the primary metric, one line each, the largest loss first
     */
    public static EvidenceSection heldOutSet(HeldOutSet.Comparison comparison, List<String> worse) {
        ComparisonReport holdout = comparison.report();
        String overall = ComparisonEvidence.overall(holdout)
                + (worse.isEmpty() ? "" : ". Significantly worse: " + String.join("; ", worse));
        return new EvidenceSection(EvidencePageId.HOLDOUT, "Held-out evaluation set", Outcome.EVIDENCE_ONLY,
                comparison.methods() == null ? overall : overall + ". " + comparison.methods(),
                ComparisonEvidence.forestsByDimension(holdout),
                List.of(ComparisonEvidence.table(holdout)), null);
    }

    /**
     * Each date's two values and the gap treated − holdout, with their intervals where the file says what its values
     * are (rates of n, or means with their spread); each date's interval stands alone (no gate judges the gaps, so
     * nothing adjusts them for the number of dates).
     */
    public static EvidenceSection overTime(HoldoutGroupEvidence group) {
        String method = group.intervals().method();
        String level = ShownInterval.percent(group.confidenceLevel());
        List<TimePoint> holdout = new ArrayList<>();
        List<TimePoint> treated = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (HoldoutGroupEvidence.Point point : group.points()) {
            holdout.add(new TimePoint(point.date(), point.holdout(), point.holdoutCi()));
            treated.add(new TimePoint(point.date(), point.treated(), point.treatedCi()));
            rows.add(List.of(Cell.plain(point.date().toString()),
                    Cell.plain(value(point.holdout(), point.holdoutCi(), point.holdoutN(), method != null)),
                    Cell.plain(value(point.treated(), point.treatedCi(), point.treatedN(), method != null)),
                    Cell.plain(method == null ? EvidenceNumbers.signed(point.gap())
                            : EvidenceNumbers.delta(point.gap(), point.gapCi()))));
        }
        List<HoldoutGroupEvidence.Point> points = group.points();
        String summary = points.isEmpty() ? "no date has both groups"
                : "gap treated − holdout " + gap(points.get(0), method) + " on " + points.get(0).date() + ", "
                + gap(points.get(points.size() - 1), method) + " on " + points.get(points.size() - 1).date()
                + (method == null ? " (" + NO_INTERVAL + ")" : " (" + level + " intervals, each date alone; "
                + sides(points) + ")");
        String caption = method == null
                ? "Holdout group and treated population by date, each group's value over the n it is measured on; "
                        + NO_INTERVAL + ": " + WHY_NO_INTERVAL
                : "Holdout group and treated population by date, each group's value with its " + level
                        + " interval over the n it is measured on, and the gap treated − holdout with its " + level
                        + " interval: " + method + "; each date's intervals stand alone (no gate judges the gaps, "
                        + "so none is adjusted for the number of dates)";
        String chartTitle = "Persistent holdout group vs treated population"
                + (method == null ? "" : " (" + level + " intervals)");
        return new EvidenceSection(EvidencePageId.HOLDOUT, "Holdout group over time", Outcome.EVIDENCE_ONLY, summary,
                List.of(new TimeSeries(chartTitle, "value", List.of(
                        new Series("holdout (never updated)", SeriesRole.PRODUCTION, holdout),
                        new Series("treated", SeriesRole.CANDIDATE, treated)), List.of())),
                List.of(new EvidenceTable(caption, List.of("Date", "Holdout", "Treated",
                        method == null ? "Gap (no interval)" : "Gap [" + level + " interval]"), rows)), null);
    }

    /** A group's value with its n, and its interval where the file gives one ("too few" for a mean of one value). */
    private static String value(double value, Interval ci, long n, boolean withIntervals) {
        String sized = MetricFormat.sampleSize(n);
        if (!withIntervals) {
            return EvidenceNumbers.plain(value) + " (" + sized + ")";
        }
        return EvidenceNumbers.estimate(value, ci) + " (" + sized + (ci == null ? ", too few for an interval" : "")
                + ")";
    }

    private static String gap(HoldoutGroupEvidence.Point point, String method) {
        return method == null ? EvidenceNumbers.signed(point.gap()) : EvidenceNumbers.delta(point.gap(), point.gapCi());
    }

    /** On how many dates the gap's interval lies wholly above 0 and wholly below it. */
    private static String sides(List<HoldoutGroupEvidence.Point> points) {
        long above = points.stream().filter(p -> p.gapCi() != null && p.gapCi().lower() > 0).count();
        long below = points.stream().filter(p -> p.gapCi() != null && p.gapCi().upper() < 0).count();
        String dates = MetricFormat.count(points.size(), "date", "dates");
        if (above == 0 && below == 0) {
            return "on none of the " + dates + " does the gap's interval lie wholly above or below 0";
        }
        return "the gap's interval lies above 0 on " + datesCount(above) + " and below 0 on " + datesCount(below)
                + " of the " + dates;
    }

    private static String datesCount(long dates) {
        return dates == 0 ? "none" : Long.toString(dates);
    }

    /** The page when the pack has neither. */
    static EvidenceSection missing() {
        return new EvidenceSection(EvidencePageId.HOLDOUT, "Holdout", Outcome.EVIDENCE_ONLY, "", List.of(),
                List.of(), MISSING);
    }
}
