package org.verdict.core.compare;

import java.util.Locale;
import org.verdict.core.stats.MetricFormat;

/**
 * What the models' predictions of classes that model.classes lists and no row is labelled with cost, in the words of
 * a slice's note on an unweighted per-class average and of the volume gate's finding alike: every such prediction is
 * wrong (the row is labelled otherwise), a cost the metrics count as lost recall of the row's own class.
 */
public final class UnlabelledClassPredictions {

    /**
     * How the rows are said. A slice's note stands in the slice's row, beside its n, so "here" is enough; the volume
     * gate's finding stands alone in the checklist, so it names the count of rows it is a share of.
     */
    public enum Rows {
        /** "for 240 rows here (2.0%)". */
        HERE,
        /** "for 240 of 12,000 rows (2.0%)". */
        OF_TOTAL
    }

    private UnlabelledClassPredictions() {
    }

    /**
     * "the candidate predicts them for 240 rows here (2.0%), production for none: each a wrong prediction, lost from
     * the recall of the row's own class", or "neither model predicts it here".
     *
     * @param classCount   how many such classes ("it" or "them")
     * @param byCandidate  the rows the candidate predicts as any of them
     * @param byProduction the rows production predicts as any of them
     * @param rows         the rows counted, of which each count is a share
     */
    public static String sentence(int classCount, long byCandidate, long byProduction, long rows, Rows said) {
        String them = classCount == 1 ? "it" : "them";
        String here = said == Rows.HERE ? " here" : "";
        if (byCandidate == 0 && byProduction == 0) {
            return "neither model predicts " + them + here;
        }
        String candidateRows = byCandidate == 0 ? "no row" + here
                : (said == Rows.HERE ? MetricFormat.count(byCandidate, "row", "rows") + here
                        : MetricFormat.count(byCandidate) + " of " + MetricFormat.count(rows, "row", "rows"))
                        + share(byCandidate, rows);
        return "the candidate predicts " + them + " for " + candidateRows + ", production for "
                + (byProduction == 0 ? "none" : MetricFormat.count(byProduction) + share(byProduction, rows))
                + ": each a wrong prediction, lost from the recall of the row's own class";
    }

    /** " (2.0%)": a count's share of the rows. */
    private static String share(long count, long rows) {
        return String.format(Locale.ROOT, " (%.1f%%)", 100.0 * count / rows);
    }
}
