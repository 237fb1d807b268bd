package org.verdict.core.compare;

import java.util.Locale;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * Production vs candidate for one metric in one slice.
 *
 * <p>The rule every reader can rely on: the verdict is better or worse (significantly different for a metric without
 * direction) if and only if {@link #deltaCi()} excludes 0 in the metric's direction. {@link #shownInterval()} says
 * which interval that is (its level and multiplicity adjustment); {@link #unadjustedCi()} is the plain interval at the
 * comparison's level.
 *
 * <p>When the metric is undefined for one model only, the other model's value is still given and only Δ is missing;
 * {@link #unavailableReason()} says why.
 *
 * @param delta candidate − production (in the metric's own units; its sign does not say better or worse,
 *              {@link Metric#higherIsBetter()} does)
 * @param deltaCi the interval of Δ shown beside the verdict (see {@link #shownInterval()}); null when no test is made
 *                (unavailable, unstable, or fewer examples than the minimum)
 * @param unadjustedCi the interval of Δ at the comparison's confidence level, before any multiplicity adjustment;
 *                     null when Δ has no interval (unavailable or unstable)
 * @param pValue unadjusted two-sided p-value of Δ = 0, the inversion of the interval procedure
 * @param adjustedP p-value adjusted within the test's family (the overall slice: equal to {@code pValue}); null for
 *                  results outside every family
 * @param test the procedure, e.g. {@code tango-score}, {@code delong}, {@code paired-bootstrap}
 * @param shownInterval which interval {@code deltaCi} is; null when {@code deltaCi} is
 * @param unstableReason why no interval of Δ is given although both values are, e.g. "class E has 3 examples here";
 *                       else null
 * @param note extra facts, e.g. how many examples mape skipped because their label is 0; else null
 */
public record SliceResult(
        SliceKey slice,
        int n,
        Metric metric,
        boolean primary,
        MetricEstimate production,
        MetricEstimate candidate,
        Double delta,
        Interval deltaCi,
        Interval unadjustedCi,
        Double pValue,
        Double adjustedP,
        String test,
        Verdict verdict,
        ShownInterval shownInterval,
        String unavailableReason,
        String unstableReason,
        String note) {

    /** A result whose shown interval is its unadjusted one and that says nothing about families (hand-made reports). */
    public SliceResult(SliceKey slice, int n, Metric metric, boolean primary, MetricEstimate production,
                       MetricEstimate candidate, Double delta, Interval deltaCi, Double pValue, Double adjustedP,
                       String test, Verdict verdict, String unavailableReason, String note) {
        this(slice, n, metric, primary, production, candidate, delta, deltaCi, deltaCi, pValue, adjustedP, test,
                verdict, null, unavailableReason, null, note);
    }

    /** Whether Δ is there (a slice below the minimum size still shows its values when defined). */
    public boolean isAvailable() {
        return unavailableReason == null;
    }

    /**
     * The verdict for people: its label, "unstable: …" with the reason when Δ has no trustworthy interval, or "no
     * information at this level: …" when the interval beside it spans every value Δ could take.
     */
    public String verdictLabel() {
        if (isUnstable()) {
            return "unstable: " + unstableReason;
        }
        String uninformative = noInformationReason();
        return uninformative != null ? NO_INFORMATION + ": " + uninformative : verdict.label();
    }

    /**
     * Δ and {@code shown}, the interval beside it, as every view writes them in this slice's row, sharing decimals:
     * {@code −759 [−1,321, +524]}; Δ alone when there is no interval (see {@link #deltaValueText(Interval)}).
     */
    public String deltaText(Interval shown) {
        return shown == null ? deltaValueText(null) : MetricFormat.of(metric).delta(delta, shown.lower(), shown.upper());
    }

    /**
     * Δ alone (a cell of its own beside its interval's), with the decimals it shares with the numbers of its row:
     * those of {@code shown}, its interval, or without one, those of the two models' values and intervals it is the
     * difference of, so "−0.004" stands beside "−0.007 [−0.558, 5.510]", not "−0.00387", and the approval pack
     * writes the app's "−759" beside "[−1,321, +524]", not "−759.2".
     */
    public String deltaValueText(Interval shown) {
        java.util.stream.DoubleStream beside = shown != null ? java.util.stream.DoubleStream.of(shown.lower(), shown.upper())
                : java.util.stream.Stream.of(production, candidate).filter(java.util.Objects::nonNull)
                        .flatMapToDouble(e -> e.ci() == null ? java.util.stream.DoubleStream.of(e.value())
                                : java.util.stream.DoubleStream.of(e.value(), e.ci().lower(), e.ci().upper()));
        return MetricFormat.of(metric).signedAmong(delta, beside.toArray());
    }

    /** The verdict in a word or two, as a table cell shows it: "unstable", "no information", or the verdict's label. */
    public String verdictWord() {
        return isUnstable() ? "unstable" : noInformationReason() != null ? NO_INFORMATION_WORD : verdict.label();
    }

    /** {@link #verdictWord()} of a result whose interval carries no information at its level. */
    public static final String NO_INFORMATION_WORD = "no information";

    /** How {@link #verdictLabel()} opens for a result whose interval carries no information at its level. */
    public static final String NO_INFORMATION = "no information at this level";

    /**
     * Why the interval beside the verdict says nothing at its level, or null: it spans every Δ the data allow — from
     * the candidate at the metric's lowest value to the candidate at its highest, given production's value — as a
     * Δ pr_auc of [−1, +1] on a 40-row slice at a Holm level of 99.9 % does. Such a slice is inconclusive (its
     * interval holds 0) by construction, not because the models are close; the unadjusted interval
     * ({@link #unadjustedCi()}) may still say something. Only metrics bounded on both sides can be spanned.
     */
    public String noInformationReason() {
        if (deltaCi == null || production == null || verdict != Verdict.INCONCLUSIVE || shownInterval == null) {
            return null;
        }
        double lowest = metric.lowestValue();
        double highest = metric.highestValue();
        if (Double.isInfinite(lowest) || Double.isInfinite(highest)) {
            return null;
        }
        // a hair of slack: an interval clipped to the range ends exactly there, up to rounding
        double slack = 1e-9 * (highest - lowest);
        double p = production.value();
        if (deltaCi.lower() > lowest - p + slack || deltaCi.upper() < highest - p - slack) {
            return null;
        }
        return String.format(Locale.ROOT, "the %s interval of Δ spans every %s the candidate could have "
                + "(%s to %s) beside production's %s", shownInterval.levelText(), metric.wireName(),
                plain(lowest), plain(highest), MetricFormat.of(metric).value(p));
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    /**
     * Whether the slice was judged but Δ's uncertainty could not be estimated reliably ({@link #unstableReason()}
     * says why). A slice below the minimum size is "too few examples" whatever its bootstrap did, on every surface.
     */
    public boolean isUnstable() {
        return unstableReason != null && verdict == Verdict.INCONCLUSIVE;
    }
}
