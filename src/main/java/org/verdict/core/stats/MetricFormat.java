package org.verdict.core.stats;

import java.util.Locale;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;

/**
 * How a metric's numbers are written for people, the same in the app, the CLI-free reports and the approval pack.
 * <ul>
 *   <li>rates and scores (accuracy, AUC, log loss, r2, …): three decimals, {@code 0.812};</li>
 *   <li>metrics in the target's units (mae, rmse of house prices in dollars): four significant digits of the
 *       largest number written together (a value and its interval share their decimals) with thousands separators,
 *       {@code 23,643 [21,818, 25,385]}, and three decimals for a target measured in small units;</li>
 *   <li>a squared error of probabilities (sq_calibration_error, typically 0.0001–0.01): three significant digits
 *       of the largest number written together, {@code 0.000420 [0.000110, 0.000730]}, so a small error is not
 *       written 0.000;</li>
 *   <li>a number that is not 0 is never written as 0: where the usual decimals would round it to zero it gets as
 *       many as its first significant digit needs ({@code +0.0002}, up to six), so an interval bound beside a verdict never
 *       reads 0 when the interval excludes 0;</li>
 *   <li>an interval's two ends never read alike, nor an estimate strictly between them like an end: where the
 *       usual decimals would write {@code +0.007 [+0.007, +0.007]} (a 1,000,000-row slice's [0.007266, 0.007322]),
 *       the estimate and both ends get one more decimal at a time until they differ ({@code +0.00729 [+0.00727,
 *       +0.00732]}), up to six significant digits of the largest of them and six decimals; ends that still read
 *       alike there keep the usual decimals. Every other interval reads as before, and a dollar-scale error gets at
 *       most one decimal ({@code 23,643.4});</li>
 *   <li>nor does an interval's end read like a limit it is judged against and is not ({@link #apartFrom}): the band
 *       ±E of "no significant difference" beside Δ, a gate's margin beside its worst case;</li>
 *   <li>a true minus sign, never the machine's locale, and never {@code −0.000};</li>
 *   <li>a number in the target's units carries the pack's unit ({@code model.targetUnit}) as {@link TargetUnit}
 *       places it, every number of a group alike: {@code $23,643 [$21,818, $25,385]}, {@code −$759 [−$1,321,
 *       +$524]}, {@code 73.20 kg}. Only mae and rmse get it: a ratio, a share or r2 has no unit.</li>
 * </ul>
 */
public final class MetricFormat {
    /**
     * Three decimals: every metric that is a rate, a probability or a score, in Compare's cells and a gate's sentence
     * alike; where a sentence compares a number with a limit, {@link #apartFrom} and {@link #forValues} add the decimals
     * that keep them apart.
     */
    public static final MetricFormat RATE = new MetricFormat(false, false, 3);
    private static final MetricFormat SMALL_SCALE = new MetricFormat(false, true, 3);

    private static final int SIGNIFICANT_DIGITS = 4;
    private static final int MOST_DECIMALS = 6;
    private static final int SMALL_SCALE_SIGNIFICANT_DIGITS = 3;
    /** The most significant digits an interval's numbers get so that its ends read differently. */
    private static final int MOST_SIGNIFICANT_DIGITS = 6;
    private static final char MINUS = '−';

    private final boolean targetUnits;
    /** Beside every finite number of a format in the target's units; {@link TargetUnit#NONE} in every other. */
    private final TargetUnit unit;
    private final boolean smallScale;
    /** Of a rate or score, and of a target-units or small-scale number below 1 (or 0.1). */
    private final int rateDecimals;
    /** The fewest decimals of any number: more than usual only in a format made by {@link #forInterval}. */
    private final int fewestDecimals;
    /** Limits an interval's ends are read against: an end that is not one of them never reads like one. */
    private final double[] edges;

    private MetricFormat(boolean targetUnits, boolean smallScale, int rateDecimals) {
        this(targetUnits, TargetUnit.NONE, smallScale, rateDecimals, 0, new double[0]);
    }

    private MetricFormat(boolean targetUnits, TargetUnit unit, boolean smallScale, int rateDecimals,
                         int fewestDecimals, double[] edges) {
        this.targetUnits = targetUnits;
        this.unit = unit;
        this.smallScale = smallScale;
        this.rateDecimals = rateDecimals;
        this.fewestDecimals = fewestDecimals;
        this.edges = edges;
    }

    /**
     * This format, writing an interval's ends apart from {@code limits} they are judged against: where the usual
     * decimals would write an end like a limit it is not ({@code [−0.010, +0.010]} for [−0.0101, +0.0101] beside a
     * verdict that reads the band ±0.01), the numbers get more decimals as for ends that read alike
     * ({@code [−0.0101, +0.0101]}), so the interval printed never seems to say the opposite of its verdict.
     */
    public MetricFormat apartFrom(double... limits) {
        double[] finite = java.util.Arrays.stream(limits).filter(Double::isFinite).toArray();
        return new MetricFormat(targetUnits, unit, smallScale, rateDecimals, fewestDecimals, finite);
    }

    /**
     * How {@code metric}'s numbers are written in a pack whose target is measured in {@code unit}: the unit beside
     * every number of mae and rmse, none beside any other metric's (r2, mape, rates and scores have no unit).
     */
    public static MetricFormat of(Metric metric, TargetUnit unit) {
        if (metric == Metric.SQ_CALIBRATION_ERROR) {
            return SMALL_SCALE;
        }
        return metric != null && metric.inTargetUnits()
                ? new MetricFormat(true, unit, false, RATE.rateDecimals, 0, new double[0]) : RATE;
    }

    /** Whether this format writes numbers in the target's units (mae, rmse), with the unit when the pack has one. */
    public boolean inTargetUnits() {
        return targetUnits;
    }

    /**
     * A quantity's name with the unit its numbers are in, for a heading or an axis title that stands for many of
     * them: {@code mae in USD}, {@code Δ rmse in kg}; the name alone for a metric without a unit (or a pack that names
     * none).
     */
    public String inUnit(String quantity) {
        return unit.isNone() ? quantity : quantity + " in " + unit.text();
    }

    /** e.g. {@code 0.812} or {@code 23,643}. */
    public String value(double value) {
        return format(value, decimalsFor(value), false);
    }

    /** e.g. {@code +0.012}, {@code −1,561}: deltas show their sign. */
    public String signed(double value) {
        return format(value, decimalsFor(value), true);
    }

    /** A number with the decimals it shares with the numbers written beside it: {@code 100.1} beside {@code 99.87}. */
    public String valueAmong(double value, double... beside) {
        double[] together = java.util.Arrays.copyOf(beside, beside.length + 1);
        together[beside.length] = value;
        return format(value, decimalsFor(together), false);
    }

    /**
     * A signed number with the decimals it shares with the numbers written beside it in one row (a Δ beside its
     * interval's cell, or beside the two values it is the difference of).
     */
    public String signedAmong(double value, double... beside) {
        double[] together = java.util.Arrays.copyOf(beside, beside.length + 1);
        together[beside.length] = value;
        return format(value, decimalsFor(together), true);
    }

    /**
     * A chart axis's tick label: a round number's own digits with a true minus, as the tables write it ({@code 0.25},
     * {@code −0.06}); thousands of a metric in the target's units in short, with its unit ({@code $20k},
     * {@code −$2.5k}, {@code 1.2M kg}), so that a narrow axis has room for several ticks.
     */
    public String axisTick(double value) {
        double magnitude = Math.abs(value);
        if (!Double.isFinite(value)) {
            return value(value);
        }
        String suffix = !targetUnits ? "" : magnitude >= 1_000_000 ? "M" : magnitude >= 1_000 ? "k" : "";
        double scaled = suffix.equals("M") ? magnitude / 1_000_000 : suffix.equals("k") ? magnitude / 1_000 : magnitude;
        // ticks are round numbers: their own digits, no padding zeros ("0", "0.5", "2.5k")
        String digits = new java.math.BigDecimal(scaled).setScale(suffix.isEmpty() ? MOST_DECIMALS : 2,
                java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return unit.beside(value < 0 && !isZero(digits) ? String.valueOf(MINUS) : "", digits + suffix);
    }

    /** A value with its interval in brackets, sharing decimals: {@code 23,643 [21,818, 25,385]}. */
    public String estimate(double value, Double lower, Double upper) {
        return group(value, lower, upper, false);
    }

    /** A difference with its interval, signed: {@code −0.040 [−0.055, −0.025]}. */
    public String delta(double delta, Double lower, Double upper) {
        return group(delta, lower, upper, true);
    }

    /** Only the interval, signed or not, e.g. {@code [−0.035, −0.006]}. */
    public String interval(double lower, double upper, boolean signed) {
        int decimals = intervalDecimals(Double.NaN, lower, upper);
        return "[" + format(lower, decimals, signed) + ", " + format(upper, decimals, signed) + "]";
    }

    /**
     * This format, with at least the decimals that tell apart the ends of the interval [{@code lower}, {@code upper}]
     * and {@code estimate} within it when they are written with the numbers {@code beside} them: for a sentence or a
     * row that writes an estimate and its interval in separate pieces (a gate's "Δ +0.00729, 95% CI [+0.00727,
     * +0.00732]; worst case … ", the approval pack's Δ and interval cells), whose every number then shares the
     * decimals {@link #delta} would give the three.
     */
    public MetricFormat forInterval(double estimate, double lower, double upper, double... beside) {
        double[] together = java.util.Arrays.copyOf(beside, beside.length + 1);
        together[beside.length] = estimate;
        int decimals = intervalDecimals(estimate, lower, upper, together);
        return decimals <= decimalsFor(together) ? this
                : new MetricFormat(targetUnits, unit, smallScale, rateDecimals, decimals, edges);
    }

    /**
     * This format, with at least the decimals at which each of {@code values} reads apart from each limit of
     * {@link #apartFrom} that it is not, every number of the sentence sharing them: a gate's "worse than it by 0.0104,
     * margin 0.0100" or "candidate 0.6996 … beyond the floor 0.7000", not "0.010, margin 0.010" or "0.700 … beyond
     * the floor 0.700", which read as the opposite of the outcome beside them. One more decimal at a time, up to six
     * significant digits of the largest and six decimals; numbers that still read alike there keep the usual ones.
     */
    public MetricFormat forValues(double... values) {
        double[] together = java.util.Arrays.copyOf(values, values.length + edges.length);
        System.arraycopy(edges, 0, together, values.length, edges.length);
        int usual = decimalsFor(together);
        double largest = largestMagnitude(together);
        if (largest == 0) {
            return this;
        }
        int integerDigits = (int) Math.floor(Math.log10(largest)) + 1;
        int most = Math.min(MOST_DECIMALS, MOST_SIGNIFICANT_DIGITS - integerDigits);
        for (int decimals = usual; decimals <= most; decimals++) {
            if (apartFromEdges(values, decimals)) {
                return decimals == usual ? this
                        : new MetricFormat(targetUnits, unit, smallScale, rateDecimals, decimals, edges);
            }
        }
        return this;
    }

    private boolean apartFromEdges(double[] values, int decimals) {
        for (double value : values) {
            for (double edge : edges) {
                if (Double.isFinite(value) && value != edge
                        && format(value, decimals, true).equals(format(edge, decimals, true))) {
                    return false;
                }
            }
        }
        return true;
    }

    private String group(double value, Double lower, Double upper, boolean signed) {
        if (lower == null || upper == null) {
            return format(value, decimalsFor(value), signed);
        }
        int decimals = intervalDecimals(value, lower, upper);
        return format(value, decimals, signed) + " [" + format(lower, decimals, signed) + ", "
                + format(upper, decimals, signed) + "]";
    }

    /**
     * The decimals of an interval written with its estimate ({@code NaN} for none) and the numbers beside them: the
     * usual ones, or where those write the two ends alike, or the estimate strictly inside like an end, the fewest
     * more that tell them apart, up to {@link #MOST_SIGNIFICANT_DIGITS} of the largest and {@link #MOST_DECIMALS}.
     */
    private int intervalDecimals(double estimate, double lower, double upper, double... beside) {
        double[] together = java.util.Arrays.copyOf(beside, beside.length + 3);
        together[beside.length] = estimate;
        together[beside.length + 1] = lower;
        together[beside.length + 2] = upper;
        int usual = decimalsFor(together);
        double largest = largestMagnitude(together);
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || largest == 0) {
            return usual;
        }
        int integerDigits = (int) Math.floor(Math.log10(largest)) + 1;
        int most = Math.min(MOST_DECIMALS, MOST_SIGNIFICANT_DIGITS - integerDigits);
        for (int decimals = usual; decimals <= most; decimals++) {
            if (distinct(estimate, lower, upper, decimals)) {
                return decimals;
            }
        }
        return usual;
    }

    /**
     * Whether the ends read differently (unless they are equal), and differently from each of {@link #edges} they
     * are not, and so does an estimate strictly between them.
     */
    private boolean distinct(double estimate, double lower, double upper, int decimals) {
        String low = format(lower, decimals, true);
        String high = format(upper, decimals, true);
        if (lower != upper && low.equals(high)) {
            return false;
        }
        for (double edge : edges) {
            String limit = format(edge, decimals, true);
            if (lower != edge && low.equals(limit) || upper != edge && high.equals(limit)) {
                return false;
            }
        }
        if (!(estimate > lower && estimate < upper)) {
            return true;
        }
        String middle = format(estimate, decimals, true);
        return !middle.equals(low) && !middle.equals(high);
    }

    private static double largestMagnitude(double... values) {
        double largest = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                largest = Math.max(largest, Math.abs(value));
            }
        }
        return largest;
    }

    /**
     * The decimals of numbers written together: enough for four significant digits of the largest (and at least
     * {@link #fewestDecimals}).
     */
    int decimalsFor(double... values) {
        return Math.max(fewestDecimals, usualDecimals(values));
    }

    private int usualDecimals(double... values) {
        if (!targetUnits && !smallScale) {
            return rateDecimals;
        }
        double largest = largestMagnitude(values);
        if (smallScale) {
            if (largest == 0 || largest >= 0.1) {
                return rateDecimals;
            }
            int leadingZeros = -(int) Math.floor(Math.log10(largest)) - 1;
            return Math.min(MOST_DECIMALS, leadingZeros + SMALL_SCALE_SIGNIFICANT_DIGITS);
        }
        if (largest < 1) {
            return rateDecimals;
        }
        int integerDigits = (int) Math.floor(Math.log10(largest)) + 1;
        return Math.max(0, Math.min(MOST_DECIMALS, SIGNIFICANT_DIGITS - integerDigits));
    }

    private String format(double value, int decimals, boolean signed) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : MINUS + "∞";
        }
        String digits = digits(Math.abs(value), decimals);
        if (isZero(digits) && value != 0) {
            // a bound written 0 beside a verdict that says it excludes 0 would contradict it: show the first digit,
            // down to MOST_DECIMALS (below that it is rounding noise and stays 0)
            String finer = digits(Math.abs(value),
                    Math.min(MOST_DECIMALS, -(int) Math.floor(Math.log10(Math.abs(value)))));
            digits = isZero(finer) ? digits : finer;
        }
        String sign = isZero(digits) ? "" : value < 0 ? String.valueOf(MINUS) : signed ? "+" : "";
        return unit.beside(sign, digits);
    }

    private String digits(double magnitude, int decimals) {
        return String.format(Locale.ROOT, targetUnits ? "%,." + decimals + "f" : "%." + decimals + "f", magnitude);
    }

    private static boolean isZero(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** The levels a p-value is read against (α of a 90 – 99.9 % interval); three decimals never round up onto one. */
    private static final double[] CONVENTIONAL_ALPHAS = {0.1, 0.05, 0.025, 0.01, 0.005};

    /**
     * Every p-value a person reads (Compare, a gate's sentence, the evidence pages, the CLI's text, the approval pack):
     * three decimals, {@code 0.004}, or {@code <0.001} below that rather than a misleading 0; the JSON keeps the whole
     * number. A p-value just under a conventional α keeps the decimals that show it is under: 0.0496 beside a
     * "worse" verdict at 95 % would read 0.050 in three.
     */
    public static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return "–";
        }
        if (p < 0.001) {
            return "<0.001";
        }
        int decimals = 3;
        while (decimals < 6 && roundsUpOntoAnAlpha(p, decimals)) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", p);
    }

    private static boolean roundsUpOntoAnAlpha(double p, int decimals) {
        double shown = Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", p));
        for (double alpha : CONVENTIONAL_ALPHAS) {
            if (p < alpha && shown >= alpha) {
                return true;
            }
        }
        return false;
    }

    /**
     * A count with thousands separators: {@code 24,000}. Every count a person reads (sample sizes, rows, examples,
     * records) is written by this method or {@link #sampleSize}, in the app, the CLI and the approval pack alike.
     */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A sample size beside the estimate it belongs to: {@code n=24,000}, as in {@code language=ja (n=2,883)}. */
    public static String sampleSize(long n) {
        return "n=" + count(n);
    }

    /** A count and its noun, singular or plural as the count needs: {@code 1 record}, {@code 2,310 records}. */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /**
     * One predicted value of a regression as a person reads it: "$0", "12 kg" for a whole number (without the
     * decimals a metric's value would carry), else with mae's decimals and unit.
     */
    public static String predictedValue(double value, TargetUnit unit) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? unit.beside(value < 0 ? "−" : "", count((long) Math.abs(value)))
                : of(Metric.MAE, unit).value(value);
    }
}
