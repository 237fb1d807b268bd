package org.verdict.core.evidence;

import java.time.LocalDate;
import java.util.List;
import org.verdict.core.compare.Verdict;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * What a chart shows, independent of how it is drawn: the HTML (SVG), the PDF (vector) and the app draw the same chart
 * from the same description, in the same colours and marks.
 */
public sealed interface EvidenceChart {
    String title();

    /**
     * A forest plot: candidate − production per row with its confidence interval, against a zero line.
     * Rows the candidate does worse in are marked ▼, better ▲, the rest ●.
     *
     * @param numbers        how Δ is written, so the axis's ticks carry the target's unit as the app's do ("−$200")
     * @param higherIsBetter whether a positive Δ favours the candidate; decides nothing here but the axis caption
     */
    record DeltaForest(String title, String axisLabel, MetricFormat numbers, boolean higherIsBetter,
                       List<DeltaRow> rows)
            implements EvidenceChart {
        public DeltaForest {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row of a forest plot. Every slice has a row: one without an interval is drawn as its point alone (or
     * nothing, when Δ is undefined) with {@code note} beside it, so that no slice silently disappears.
     *
     * @param delta   null when Δ is undefined in this row
     * @param ci      the interval the verdict reads; null when no test is made (too few examples, unstable, unavailable)
     * @param verdict what the comparison concluded for this row; sets the marker
     * @param note    why the row has no interval, e.g. "too few examples"; null when it has one
     * @param noInformation whether {@code ci} spans every Δ the candidate could have at its level (inconclusive by
     *                construction, {@link org.verdict.core.compare.SliceResult#noInformationReason()}); the row
     *                gets the mark the table's word for it names, not the undecided one
     */
    record DeltaRow(String label, Double delta, Interval ci, Verdict verdict, String note, boolean noInformation) {
        public DeltaRow {
            if (ci == null && note == null) {
                note = verdict.label();
            }
        }

        /** A row whose interval, if it has one, says something at its level. */
        public DeltaRow(String label, Double delta, Interval ci, Verdict verdict, String note) {
            this(label, delta, ci, verdict, note, false);
        }

        /** A row with its interval (or, without one, the verdict's words as its note). */
        public DeltaRow(String label, double delta, Interval ci, Verdict verdict) {
            this(label, Double.valueOf(delta), ci, verdict, null);
        }
    }

    /**
     * Production and candidate side by side per row (group, category, percentile), each with its interval,
     * and the limits the policy sets (an SLO, an accepted rate) as labelled dashed lines.
     */
    record PairedEstimates(String title, String axisLabel, List<PairedRow> rows, List<Limit> limits)
            implements EvidenceChart {
        public PairedEstimates {
            rows = List.copyOf(rows);
            limits = List.copyOf(limits);
        }
    }

    /**
     * A value the policy sets, drawn as a dashed line with its label, e.g. "SLO p99 250 ms"; or a reference measured on
     * the pack (the human reviewers' accuracy), whose interval is drawn too.
     *
     * @param row the label of the one row of a {@link PairedEstimates} the limit belongs to (a harm category's own
     *            accepted rate), drawn across that row only; null for a limit of the whole chart
     * @param ci  a measured reference's interval, drawn as a band behind its line and held by the axis; null for a
     *            value the policy sets
     */
    record Limit(double value, String label, String row, Interval ci) {
        /** A limit of the whole chart. */
        public Limit(double value, String label) {
            this(value, label, null, null);
        }

        /** A limit of one row. */
        public Limit(double value, String label, String row) {
            this(value, label, row, null);
        }

        /** A reference of the whole chart measured with its interval. */
        public static Limit measured(double value, Interval ci, String label) {
            return new Limit(value, label, null, ci);
        }

        public boolean ofOneRow() {
            return row != null;
        }
    }

    /**
     * @param productionCi and candidateCi may be null when no interval is known
     * @param setAside drawn greyed: the row is shown but not judged (a fairness group too small for the disparities)
     * @param noIntervalNote the words beside a row without an interval, "too few examples (no interval)"; null for a
     *                       row with both intervals
     */
    record PairedRow(String label, double production, Interval productionCi, double candidate, Interval candidateCi,
                     boolean setAside, String noIntervalNote) {
        public PairedRow(String label, double production, Interval productionCi, double candidate,
                         Interval candidateCi, boolean setAside) {
            this(label, production, productionCi, candidate, candidateCi, setAside,
                    productionCi == null || candidateCi == null ? "no interval" : null);
        }

        public PairedRow(String label, double production, Interval productionCi, double candidate,
                         Interval candidateCi) {
            this(label, production, productionCi, candidate, candidateCi, false);
        }
    }

    /**
     * Values over time, e.g. a persistent holdout group against the treated group, or past production models and the
     * candidate, with the limits the policy sets (e.g. historical best − margin) as labelled dashed lines.
     */
    record TimeSeries(String title, String axisLabel, List<Series> series, List<Limit> limits)
            implements EvidenceChart {
        public TimeSeries {
            series = List.copyOf(series);
            limits = List.copyOf(limits);
        }
    }

    /** @param role which of the fixed series styles to use, so the same thing looks the same everywhere */
    record Series(String name, SeriesRole role, List<TimePoint> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** @param ci null when no interval is known */
    record TimePoint(LocalDate date, double value, Interval ci) {
    }

    /**
     * How the values of each model are distributed (e.g. request latencies), as frequency polygons so that two
     * models never blend into a third colour, with the policy's limits as labelled dashed lines.
     */
    record Distribution(String title, String axisLabel, List<Sample> samples, List<Limit> limits)
            implements EvidenceChart {
        public Distribution {
            samples = List.copyOf(samples);
            limits = List.copyOf(limits);
        }
    }

    /** @param values every observed value, in no particular order */
    record Sample(String name, SeriesRole role, double[] values) {
    }

    /** Production-like series are blue solid lines with circles, candidate-like orange dashed with squares. */
    enum SeriesRole {
        PRODUCTION, CANDIDATE
    }
}
