package org.verdict.core.compare;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.MetricFormat;

/**
 * A significant change on one subject of a comparison, said in one line: another metric of the overall slice, or one
 * class's recall. Every list of what is worse overall (the Overview, the Gates view, {@code gate}, the approval pack)
 * and every summary naming a class's recall writes it with {@link #line()}, so a finding reads the same everywhere.
 *
 * @param subject what changed, e.g. "balanced_accuracy" or "recall of fraud_report"
 * @param result its comparison: the verdict, Δ with the interval beside it, n and the (adjusted) p
 */
public record WorseOverall(String subject, SliceResult result) {

    /**
     * What is significantly worse overall beside the primary metric, whose verdict the gates judge: each other metric
     * whose overall slice is worse (recall and tpr, one quantity, once), then each class whose recall over the whole
     * table is worse (multiclass), which an average over the classes may hide. Only findings the interval beside them
     * shows: an unstable Δ or an interval spanning every value is no finding, as Compare labels it.
     */
    public static List<WorseOverall> of(ComparisonReport report) {
        Stream<WorseOverall> metrics = report.results().stream()
                .filter(r -> r.slice().isOverall() && r.metric() == r.metric().quantity()
                        && r.metric() != report.primaryMetric().quantity() && isFinding(r))
                .map(r -> new WorseOverall(subject(r.metric()), r));
        Stream<WorseOverall> classes = report.worseClassRecalls().stream()
                .filter(c -> isFinding(c.result()))
                .map(ClassRecall::change);
        return Stream.concat(metrics, classes).toList();
    }

    /** "recall (= tpr)": a quantity under the docs' name, with its other name, whose row Compare shows too. */
    private static String subject(Metric metric) {
        String aliases = Arrays.stream(Metric.values()).filter(m -> m != metric && m.quantity() == metric)
                .map(Metric::wireName).collect(Collectors.joining(", "));
        return aliases.isEmpty() ? metric.wireName() : metric.wireName() + " (= " + aliases + ")";
    }

    /** Whether {@code r} is worse by the interval beside it, and so a finding {@link #of} lists. */
    static boolean isFinding(SliceResult r) {
        return r.isAvailable() && r.verdict() == Verdict.WORSE && r.deltaCi() != null && !r.isUnstable()
                && r.noInformationReason() == null;
    }

    /**
     * "recall of fraud_report worse: Δ −0.232 [−0.383, −0.068] (99% Holm-adjusted interval over 5 classes; n=125,
     * adjusted p 0.002)": the verdict, Δ with the interval its verdict reads and what that interval is, the sample
     * size and the p-value that goes with the interval ("p" for a test made alone, "adjusted p" in a family).
     */
    public String line() {
        ShownInterval shown = result.shownInterval();
        boolean alone = shown == null || shown.familySize() <= 1 || ShownInterval.NONE.equals(shown.adjustment());
        Double p = alone ? result.pValue() : result.adjustedP();
        return subject + " " + result.verdict().label() + ": Δ " + result.deltaText(result.deltaCi()) + " ("
                + (shown == null ? "" : shown.describe() + "; ") + result.counts().sampleSize(result.n())
                + (p == null ? "" : ", " + (alone ? "p " : "adjusted p ") + MetricFormat.pValue(p)) + ")";
    }
}
