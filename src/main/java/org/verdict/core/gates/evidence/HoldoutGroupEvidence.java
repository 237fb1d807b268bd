package org.verdict.core.gates.evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verdict.core.gates.suites.HoldoutGroupPoint;
import org.verdict.core.gates.suites.HoldoutGroupPoint.StandardDeviation;
import org.verdict.core.gates.suites.HoldoutGroupPoint.Successes;
import org.verdict.core.stats.IndependentMeans;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.Proportions;

/**
 * The persistent holdout group (never exposed to model updates) against the treated population over time: the gap
 * treated − holdout per date shows the long-term effect of the model updates, and its drift. The two groups are
 * different users, so the gap is a difference of independent estimates.
 *
 * @param intervals how the points' intervals were made, from what the file says its values are
 */
public record HoldoutGroupEvidence(List<Point> points, Intervals intervals, double confidenceLevel) {
    public HoldoutGroupEvidence {
        points = List.copyOf(points);
    }

    /** What the intervals rest on, in words for the page, or none when the file does not say what its values are. */
    public enum Intervals {
        NONE(null),
        RATES("each rate's modified Wilson interval, the gap's Newcombe's hybrid score interval for the difference of"
                + " two independent rates"),
        MEANS("each mean's Student t interval, the gap's Welch's t interval for the difference of two independent "
                + "means");

        private final String method;

        Intervals(String method) {
            this.method = method;
        }

        /** Null for {@link #NONE}. */
        public String method() {
            return method;
        }
    }

    /**
     * One date on which both groups were measured; each interval is null where the file gives nothing to rest it
     * on, or a group has too few values (a mean of one value has no spread to estimate).
     */
    public record Point(LocalDate date, double holdout, long holdoutN, Interval holdoutCi, double treated,
                        long treatedN, Interval treatedCi, Interval gapCi) {
        public double gap() {
            return treated - holdout;
        }
    }

    /** Dates measured in only one group are left out (a gap needs both). */
    public static HoldoutGroupEvidence of(List<HoldoutGroupPoint> rows, double confidenceLevel) {
        Map<LocalDate, HoldoutGroupPoint[]> byDate = new TreeMap<>();
        for (HoldoutGroupPoint row : rows) {
            byDate.computeIfAbsent(row.date(), d -> new HoldoutGroupPoint[2])
                    [HoldoutGroupPoint.HOLDOUT.equals(row.group()) ? 0 : 1] = row;
        }
        List<Point> points = new ArrayList<>();
        byDate.forEach((date, pair) -> {
            if (pair[0] != null && pair[1] != null) {
                points.add(point(date, pair[0], pair[1], confidenceLevel));
            }
        });
        // one kind for the whole file: its columns say it
        Intervals intervals = rows.isEmpty() ? Intervals.NONE
                : rows.get(0).spread() instanceof Successes ? Intervals.RATES
                : rows.get(0).spread() instanceof StandardDeviation ? Intervals.MEANS : Intervals.NONE;
        return new HoldoutGroupEvidence(points, intervals, confidenceLevel);
    }

    private static Point point(LocalDate date, HoldoutGroupPoint holdout, HoldoutGroupPoint treated, double level) {
        Interval holdoutCi = null;
        Interval treatedCi = null;
        Interval gapCi = null;
        if (holdout.spread() instanceof Successes h && treated.spread() instanceof Successes t) {
            holdoutCi = Proportions.modifiedWilson(h.count(), holdout.n(), level);
            treatedCi = Proportions.modifiedWilson(t.count(), treated.n(), level);
            gapCi = Proportions.newcombeDifference(t.count(), treated.n(), h.count(), holdout.n(), level);
        } else if (holdout.spread() instanceof StandardDeviation h
                && treated.spread() instanceof StandardDeviation t) {
            holdoutCi = IndependentMeans.mean(holdout.value(), h.sd(), holdout.n(), level);
            treatedCi = IndependentMeans.mean(treated.value(), t.sd(), treated.n(), level);
            gapCi = IndependentMeans.welchDifference(treated.value(), t.sd(), treated.n(), holdout.value(), h.sd(),
                    holdout.n(), level);
        }
        return new Point(date, holdout.value(), holdout.n(), holdoutCi, treated.value(), treated.n(), treatedCi,
                gapCi);
    }
}
