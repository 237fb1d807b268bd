package org.verdict.core.compare;

import java.util.Locale;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
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
 *                     null when Δ has no interval (unavailable, unstable, or fewer examples than the minimum)
 * @param pValue unadjusted two-sided p-value of Δ = 0, the inversion of the interval procedure
 * @param adjustedP p-value adjusted within the test's family (the overall slice: equal to {@code pValue}); null for
 *                  results outside every family
 * @param test the procedure, e.g. {@code tango-score}, {@code delong}, {@code paired-bootstrap}
 * @param shownInterval which interval {@code deltaCi} is; null when {@code deltaCi} is
 * @param unstableReason why no interval of Δ is given although both values are, e.g. "class E has 3 examples here";
 *                       under the minimum size, why a model's interval is withheld (docs/statistics.md, "Slices under
 *                       the minimum"); else null
 * @param note extra facts, e.g. how many examples mape skipped because their label is 0; else null
 * @param equivalenceBand E of the band ±E within which the verdict reads "no significant difference", in the metric's
 *                        units; its interval is written so that no end that is not ±E reads like it. Null where no
 *                        band applies (results made by hand)
 * @param targetUnit the regression target's unit, written beside mae's and rmse's numbers in every text of the result
 *                   ({@link TargetUnit#NONE}: bare numbers)
 * @param counts the counts the metric rests on besides n (the positives beside an AUC), written beside n on every
 *               surface; {@link MetricCounts#NONE} for a metric that rests on the rows alone
 * @param tooFewExamplesReason {@code unstableReason} in its parts where a model's interval is withheld for too few
 *                             examples and the reason is the size alone ({@link #withheldForTooFewExamples()}); null
 *                             otherwise (e.g. balanced_accuracy's class rule)
 * @param fewBlocks where Δ's interval of a regression metric rests on a few blocks, how few: {@code note} says it in
 *                  full, a gate's line in brief; null otherwise
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
        String note,
        Double equivalenceBand,
        TargetUnit targetUnit,
        MetricCounts counts,
        TooFewExamplesReason tooFewExamplesReason,
        DeltaOnFewBlocks fewBlocks) {

    public SliceResult {
        java.util.Objects.requireNonNull(targetUnit, "targetUnit");
        java.util.Objects.requireNonNull(counts, "counts");
        if (tooFewExamplesReason != null && !tooFewExamplesReason.text().equals(unstableReason)) {
            throw new IllegalArgumentException("the unstable reason \"" + unstableReason
                    + "\" is not the text of its parts, \"" + tooFewExamplesReason.text() + "\"");
        }
    }

    /** A result whose Δ, if it has an interval, does not rest on a few blocks (hand-made reports). */
    public SliceResult(SliceKey slice, int n, Metric metric, boolean primary, MetricEstimate production,
                       MetricEstimate candidate, Double delta, Interval deltaCi, Interval unadjustedCi, Double pValue,
                       Double adjustedP, String test, Verdict verdict, ShownInterval shownInterval,
                       String unavailableReason, String unstableReason, String note, Double equivalenceBand,
                       TargetUnit targetUnit, MetricCounts counts, TooFewExamplesReason tooFewExamplesReason) {
        this(slice, n, metric, primary, production, candidate, delta, deltaCi, unadjustedCi, pValue, adjustedP, test,
                verdict, shownInterval, unavailableReason, unstableReason, note, equivalenceBand, targetUnit, counts,
                tooFewExamplesReason, null);
    }

    /** A result whose unstable reason, if any, is not a slice's size alone (hand-made reports). */
    public SliceResult(SliceKey slice, int n, Metric metric, boolean primary, MetricEstimate production,
                       MetricEstimate candidate, Double delta, Interval deltaCi, Interval unadjustedCi, Double pValue,
                       Double adjustedP, String test, Verdict verdict, ShownInterval shownInterval,
                       String unavailableReason, String unstableReason, String note, Double equivalenceBand,
                       TargetUnit targetUnit, MetricCounts counts) {
        this(slice, n, metric, primary, production, candidate, delta, deltaCi, unadjustedCi, pValue, adjustedP, test,
                verdict, shownInterval, unavailableReason, unstableReason, note, equivalenceBand, targetUnit, counts,
                null);
    }

    /** A result that says nothing beside n about what its metric rests on (hand-made reports). */
    public SliceResult(SliceKey slice, int n, Metric metric, boolean primary, MetricEstimate production,
                       MetricEstimate candidate, Double delta, Interval deltaCi, Interval unadjustedCi, Double pValue,
                       Double adjustedP, String test, Verdict verdict, ShownInterval shownInterval,
                       String unavailableReason, String unstableReason, String note, Double equivalenceBand,
                       TargetUnit targetUnit) {
        this(slice, n, metric, primary, production, candidate, delta, deltaCi, unadjustedCi, pValue, adjustedP, test,
                verdict, shownInterval, unavailableReason, unstableReason, note, equivalenceBand, targetUnit,
                MetricCounts.NONE);
    }

    /** A result without a band of "no significant difference" to write its interval apart from (hand-made reports). */
    public SliceResult(SliceKey slice, int n, Metric metric, boolean primary, MetricEstimate production,
                       MetricEstimate candidate, Double delta, Interval deltaCi, Interval unadjustedCi, Double pValue,
                       Double adjustedP, String test, Verdict verdict, ShownInterval shownInterval,
                       String unavailableReason, String unstableReason, String note) {
        this(slice, n, metric, primary, production, candidate, delta, deltaCi, unadjustedCi, pValue, adjustedP, test,
                verdict, shownInterval, unavailableReason, unstableReason, note, null, TargetUnit.NONE);
    }

    /** A result whose shown interval is its unadjusted one and that says nothing about families (hand-made reports). */
    public SliceResult(SliceKey slice, int n, Metric metric, boolean primary, MetricEstimate production,
                       MetricEstimate candidate, Double delta, Interval deltaCi, Double pValue, Double adjustedP,
                       String test, Verdict verdict, String unavailableReason, String note) {
        this(slice, n, metric, primary, production, candidate, delta, deltaCi, deltaCi, pValue, adjustedP, test,
                verdict, null, unavailableReason, null, note, null, TargetUnit.NONE);
    }

    /** Whether Δ is there (a slice below the minimum size still shows its values when defined). */
    public boolean isAvailable() {
        return unavailableReason == null;
    }

    /**
     * The verdict for people: its label, "unstable: …" with the reason when Δ has no trustworthy interval, "too few
     * examples: …" with the reason when a model's interval is withheld there too, or "no information at this level:
     * …" when the interval beside it spans every value Δ could take.
     */
    public String verdictLabel() {
        if (isUnstable()) {
            return "unstable: " + unstableReason;
        }
        if (withheldForTooFewExamples()) {
            return verdict.label() + ": " + unstableReason;
        }
        if (verdict == Verdict.TOO_FEW_EXAMPLES && unavailableReason != null) {
            // its values are dashes too: say why, not only that it is small
            return verdict.label() + ": " + unavailableReason;
        }
        String uninformative = noInformationReason();
        return uninformative != null ? NO_INFORMATION + ": " + uninformative : verdict.label();
    }

    /**
     * Δ and {@code shown}, the interval beside it, as every view writes them in this slice's row, sharing decimals:
     * {@code −759 [−1,321, +524]}, with {@link #BOUND_MARK} after an end at the bound ({@code +22,028 [−76,621†,
     * +118,715]}); Δ alone when there is no interval (see {@link #deltaValueText(Interval)}).
     */
    public String deltaText(Interval shown) {
        return shown == null ? deltaValueText(null)
                : boundMarked(shown, numbers().delta(delta, shown.lower(), shown.upper()));
    }

    /**
     * Δ alone (a cell of its own beside its interval's), with the decimals it shares with the numbers of its row:
     * those of {@code shown}, its interval, or without one, those of the two models' values and intervals it is the
     * difference of, so "−0.004" stands beside "−0.007 [−0.558, 5.510]", not "−0.00387", and the approval pack
     * writes the app's "−759" beside "[−1,321, +524]", not "−759.2".
     */
    public String deltaValueText(Interval shown) {
        if (shown != null) {
            return numbers().forInterval(delta, shown.lower(), shown.upper())
                    .signedAmong(delta, shown.lower(), shown.upper());
        }
        double[] beside = java.util.stream.Stream.of(production, candidate).filter(java.util.Objects::nonNull)
                .flatMapToDouble(e -> e.ci() == null ? java.util.stream.DoubleStream.of(e.value())
                        : java.util.stream.DoubleStream.of(e.value(), e.ci().lower(), e.ci().upper()))
                .toArray();
        return metricFormat().signedAmong(delta, beside);
    }

    /**
     * {@code shown}, the interval beside Δ in a cell of its own, with the decimals of {@link #deltaValueText} (and
     * {@link #BOUND_MARK} after an end at the bound).
     */
    public String intervalText(Interval shown) {
        return boundMarked(shown, numbers().forInterval(delta, shown.lower(), shown.upper())
                .interval(shown.lower(), shown.upper(), true));
    }

    /** This result with its numbers written bare, for a table whose column headers name the target's unit. */
    public SliceResult withoutUnit() {
        return targetUnit.isNone() ? this : new SliceResult(slice, n, metric, primary, production, candidate, delta,
                deltaCi, unadjustedCi, pValue, adjustedP, test, verdict, shownInterval, unavailableReason,
                unstableReason, note, equivalenceBand, TargetUnit.NONE, counts, tooFewExamplesReason, fewBlocks);
    }

    /**
     * n with the counts the metric rests on, as a sentence writes it: "n = 400 (6 positive, 394 negative)", "n = 400"
     * for a metric that rests on the rows alone.
     */
    public String sampleSizeText() {
        return "n = " + counts.withN(n);
    }

    /** How this result's numbers are written: the metric's format, with the target's unit where it has one. */
    public MetricFormat metricFormat() {
        return MetricFormat.of(metric, targetUnit);
    }

    /** The metric's format, writing Δ's interval apart from ±E. */
    private MetricFormat numbers() {
        MetricFormat numbers = metricFormat();
        return equivalenceBand == null ? numbers : numbers.apartFrom(-equivalenceBand, equivalenceBand);
    }

    /** Written right after an end of Δ's interval that is the bound of what the candidate can have (see {@link #boundEnds}). */
    public static final String BOUND_MARK = "†";

    /** Which ends of an interval of Δ lie at the bound of what the candidate can have. */
    public enum BoundEnds {
        LOWER, UPPER, BOTH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Which ends of {@code interval} (an interval of Δ) are where the candidate's value would be the metric's lowest or
     * highest, given production's value: Δ = −production for a candidate mae of 0. The interval of an error metric's Δ
     * (on the ratio, ρ ≥ 0) and of log_loss and brier (kept within the candidate's range) stops there when the data
     * cannot bound it tighter (docs/statistics.md, "Δ of the error metrics and r2: on the ratio"): such an end is set by
     * the metric's range, not measured. Null when neither end is.
     */
    public BoundEnds boundEnds(Interval interval) {
        if (interval == null || production == null) {
            return null;
        }
        double p = production.value();
        // a hair of slack: a bound mapped back to Δ ends there up to rounding
        double slack = 1e-9 * Math.max(1, Math.abs(p));
        boolean lower = interval.lowerAtBound() || Math.abs(interval.lower() - (metric.lowestValue() - p)) <= slack;
        boolean upper = interval.upperAtBound() || Math.abs(interval.upper() - (metric.highestValue() - p)) <= slack;
        return lower && upper ? BoundEnds.BOTH : lower ? BoundEnds.LOWER : upper ? BoundEnds.UPPER : null;
    }

    /**
     * Why an end of {@code interval} carries {@link #BOUND_MARK}, or null: "† lower end at the bound: the candidate's
     * mae cannot be below 0, so Δ cannot be below −76,621 (−production's mae)".
     */
    public String boundReason(Interval interval) {
        BoundEnds ends = boundEnds(interval);
        if (ends == null) {
            return null;
        }
        MetricFormat numbers = metricFormat();
        String name = metric.wireName();
        String lower = "the candidate's " + name + " cannot be below " + bound(metric.lowestValue(), interval.lower())
                + productionsBound(interval.lowerAtBound(), "at most " + numbers.value(metric.lowestValue()
                        - interval.lower())) + ", so Δ cannot be below " + numbers.signed(interval.lower()) + " ("
                + (metric.lowestValue() == 0 ? "−" : plain(metric.lowestValue()) + " − ") + "production's "
                + (interval.lowerAtBound() ? "upper bound" : name) + ")";
        String upper = "the candidate's " + name + " cannot be above " + plain(metric.highestValue())
                + productionsBound(interval.upperAtBound(), "at least " + numbers.value(metric.highestValue()
                        - interval.upper())) + ", so Δ cannot be above " + numbers.signed(interval.upper()) + " ("
                + plain(metric.highestValue()) + " − production's " + (interval.upperAtBound() ? "lower bound" : name)
                + ")";
        return BOUND_MARK + " " + switch (ends) {
            case LOWER -> "lower end at the bound: " + lower;
            case UPPER -> "upper end at the bound: " + upper;
            case BOTH -> "both ends at the bounds: " + lower + "; " + upper;
        };
    }

    /** {@code text} (an interval "[lower, upper]", or Δ before it) with {@link #BOUND_MARK} after each end at the bound. */
    public String boundMarked(Interval interval, String text) {
        BoundEnds ends = boundEnds(interval);
        if (ends == null) {
            return text;
        }
        int comma = text.indexOf(", ");
        int close = text.indexOf(']');
        boolean lower = ends != BoundEnds.UPPER;
        boolean upper = ends != BoundEnds.LOWER;
        return text.substring(0, comma) + (lower ? BOUND_MARK : "") + text.substring(comma, close)
                + (upper ? BOUND_MARK : "") + text.substring(close);
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
        return spansEveryValue() ? spanned("the " + shownInterval.levelText() + " interval of Δ",
                "production's " + metricFormat().value(production.value())) : null;
    }

    /**
     * {@link #noInformationReason()} in the words every such row of a table shares, its level and production's value
     * left to the row's own cells: "the interval of Δ at the row's level spans every roc_auc the candidate could have
     * (0 to 1) beside the row's production value"; null where the interval says something.
     */
    public String noInformationInRow() {
        return spansEveryValue() ? spanned("the interval of Δ at the row's level", "the row's production value")
                : null;
    }

    private String spanned(String interval, String productionValue) {
        return String.format(Locale.ROOT, "%s spans every %s the candidate could have (%s to %s) beside %s", interval,
                metric.wireName(), plain(metric.lowestValue()), plain(metric.highestValue()), productionValue);
    }

    private boolean spansEveryValue() {
        if (deltaCi == null || production == null || verdict != Verdict.INCONCLUSIVE || shownInterval == null) {
            return false;
        }
        double lowest = metric.lowestValue();
        double highest = metric.highestValue();
        if (Double.isInfinite(lowest) || Double.isInfinite(highest)) {
            return false;
        }
        // a hair of slack: an interval clipped to the range ends exactly there, up to rounding
        double slack = 1e-9 * (highest - lowest);
        double p = production.value();
        return deltaCi.lower() <= lowest - p + slack && deltaCi.upper() >= highest - p - slack;
    }

    /**
     * A bound of the metric's range as a sentence writes it beside Δ's end: mae's lowest with the target's unit and
     * the end's decimals ({@code $0} beside {@code −$54,593}), any other metric's as a plain number.
     */
    private String bound(double bound, double end) {
        return Double.isFinite(bound) && metric.inTargetUnits() ? metricFormat().valueAmong(bound, end) : plain(bound);
    }

    /**
     * Beside a bound of the metric's range, where Δ's end was cut at production's own interval
     * ({@link org.verdict.core.stats.ProductionBoundedDifference}) rather than at its estimate: " and production's fpr
     * is at most 0.110 (its own interval at this level)".
     */
    private String productionsBound(boolean cut, String bound) {
        return cut ? " and production's " + metric.wireName() + " is " + bound + " (its own interval at this level)" : "";
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

    /**
     * What a board can do when this result has no interval because an unweighted per-class average (macro_f1,
     * balanced_accuracy) meets a class of fewer than 5 examples, or null otherwise: the one wording of the gate, the
     * compare command and the app. The refusal itself stays (docs/statistics.md, "Unstable slices").
     */
    public String rareClassWaysForward() {
        if (!isUnstable() || (metric != Metric.MACRO_F1 && metric != Metric.BALANCED_ACCURACY)) {
            return null;
        }
        boolean multiclass = counts.smallestClassSupport() != null;
        long rarest = multiclass ? counts.smallestClassSupport()
                : counts.positives() == null || counts.negatives() == null ? Long.MAX_VALUE
                : Math.min(counts.positives(), counts.negatives());
        if (rarest >= SliceAnalysis.MIN_CLASS_EXAMPLES) {
            return null;
        }
        String others = metric == Metric.MACRO_F1 || multiclass
                ? "micro_f1 (the same as accuracy here), accuracy, weighted_f1 or cohen_kappa" : "accuracy";
        return "ways forward: a primary metric that does not give each class an equal share — " + others
                + " — keeps its interval with classes this small; or merge the classes of fewer than "
                + SliceAnalysis.MIN_CLASS_EXAMPLES + " examples into others, or leave them out of the evaluation set"
                + (multiclass ? " (and out of model.classes)" : "") + ", and say so in the decision; or add examples"
                + " until every class has at least " + SliceAnalysis.MIN_CLASS_EXAMPLES;
    }

    /**
     * Whether the slice is under the minimum size and a model's interval is withheld there, {@link #unstableReason()}
     * saying why (e.g. "4 rows (2 positives), under the minimum of 30, are too few for the bootstrap's BCa interval
     * of either model or a test of Δ").
     */
    public boolean withheldForTooFewExamples() {
        return unstableReason != null && verdict == Verdict.TOO_FEW_EXAMPLES;
    }
}
