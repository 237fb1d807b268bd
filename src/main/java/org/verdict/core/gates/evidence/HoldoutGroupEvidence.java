package org.verdict.core.gates.evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verdict.core.gates.suites.HoldoutGroupPoint;

/**
 * The persistent holdout group (never exposed to model updates) against the treated population over time: the gap
 * treated − holdout per date shows the long-term effect of the model updates, and its drift.
 */
public record HoldoutGroupEvidence(List<Point> points) {
    public HoldoutGroupEvidence {
        points = List.copyOf(points);
    }

    /** One date on which both groups were measured. */
    public record Point(LocalDate date, double holdout, long holdoutN, double treated, long treatedN) {
        public double gap() {
            return treated - holdout;
        }
    }

    /** Dates measured in only one group are left out (a gap needs both). */
    public static HoldoutGroupEvidence of(List<HoldoutGroupPoint> rows) {
        Map<LocalDate, HoldoutGroupPoint[]> byDate = new TreeMap<>();
        for (HoldoutGroupPoint row : rows) {
            byDate.computeIfAbsent(row.date(), d -> new HoldoutGroupPoint[2])
                    [HoldoutGroupPoint.HOLDOUT.equals(row.group()) ? 0 : 1] = row;
        }
        List<Point> points = new ArrayList<>();
        byDate.forEach((date, pair) -> {
            if (pair[0] != null && pair[1] != null) {
                points.add(new Point(date, pair[0].value(), pair[0].n(), pair[1].value(), pair[1].n()));
            }
        });
        return new HoldoutGroupEvidence(points);
    }
}
